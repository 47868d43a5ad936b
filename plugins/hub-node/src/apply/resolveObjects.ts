import { KubernetesObject } from '@kubernetes/client-node';
import { kindKey, kindsDefinedByCrds } from './crdKinds';
import { InputError } from '@backstage/errors';
import { describeReference, referenceOf } from './objectReference';
import { ServerSideApplyClient } from './ServerSideApplyClient';
import { sortForApply } from './sortForApply';
import { KubernetesObjectReference } from './types';

/** How the cluster serves an object's kind. */
export type KindAvailability =
  /** Discovery lists the kind. */
  | 'served'
  /** Only a CRD in the same batch defines it: it is served once that CRD is established. */
  | 'definedInBatch'
  /** Neither: there can be no such object. */
  | 'notServed';

export interface ResolvedObject {
  object: KubernetesObject;
  ref: KubernetesObjectReference;
  availability: KindAvailability;
}

/**
 * Checks every object before anything is written: the identifying fields are there,
 * no object is listed twice, and `metadata.namespace` is set exactly when the kind is
 * namespaced, as the cluster's discovery (or a CRD in the batch) says. With
 * `requireServed`, a kind the cluster does not serve is a problem too. All problems
 * are reported together in one InputError.
 */
export async function resolveObjects(
  client: ServerSideApplyClient,
  objects: KubernetesObject[],
  options: { requireServed: boolean },
): Promise<ResolvedObject[]> {
  const shapeProblems = objects.flatMap(shapeProblemsOf);
  throwIfAny(shapeProblems);
  const definedInBatch = kindsDefinedByCrds(objects);
  const problems = duplicateProblems(objects);
  const resolved: ResolvedObject[] = [];
  for (const [index, object] of objects.entries()) {
    const ref = referenceOf(object);
    const resource = await client.resourceFor(ref.apiVersion, ref.kind);
    const namespaced =
      resource?.namespaced ??
      definedInBatch.get(kindKey(ref.apiVersion, ref.kind));
    const availability = availabilityOf(resource !== undefined, namespaced);
    const problem = availabilityProblem(ref, availability, namespaced, options);
    if (problem) {
      problems.push(
        `objects[${index}] (${describeReference(ref)}): ${problem}`,
      );
    }
    resolved.push({ object, ref, availability });
  }
  throwIfAny(problems);
  return resolved;
}

/** The resolved objects in sortForApply's order. */
export function inApplyOrder(resolved: ResolvedObject[]): ResolvedObject[] {
  const byObject = new Map(resolved.map(r => [r.object, r]));
  return sortForApply(resolved.map(r => r.object)).map(o => byObject.get(o)!);
}

function availabilityProblem(
  ref: KubernetesObjectReference,
  availability: KindAvailability,
  namespaced: boolean | undefined,
  options: { requireServed: boolean },
): string | undefined {
  const kind = `${ref.apiVersion} ${ref.kind}`;
  if (availability === 'notServed') {
    return options.requireServed
      ? `${kind} is not served by the cluster: install its CRD first`
      : undefined;
  }
  if (namespaced && !ref.namespace) {
    return `metadata.namespace is required because ${kind} is namespaced`;
  }
  if (!namespaced && ref.namespace) {
    return `metadata.namespace must not be set because ${kind} is cluster-scoped`;
  }
  return undefined;
}

function availabilityOf(
  inDiscovery: boolean,
  namespaced: boolean | undefined,
): KindAvailability {
  if (inDiscovery) {
    return 'served';
  }
  return namespaced === undefined ? 'notServed' : 'definedInBatch';
}

function shapeProblemsOf(object: KubernetesObject, index: number): string[] {
  const subject = `objects[${index}]`;
  if (typeof object !== 'object' || object === null) {
    return [`${subject} must be a Kubernetes object`];
  }
  const problems: string[] = [];
  if (!isNonEmptyString(object.apiVersion)) {
    problems.push(`${subject}: apiVersion is required, e.g. "v1" or "apps/v1"`);
  }
  if (!isNonEmptyString(object.kind)) {
    problems.push(`${subject}: kind is required, e.g. "ConfigMap"`);
  }
  if (!isNonEmptyString(object.metadata?.name)) {
    problems.push(`${subject}: metadata.name is required`);
  }
  const namespace = object.metadata?.namespace;
  if (namespace !== undefined && !isNonEmptyString(namespace)) {
    problems.push(
      `${subject}: metadata.namespace must be a non-empty string when set`,
    );
  }
  return problems;
}

function duplicateProblems(objects: KubernetesObject[]): string[] {
  const firstIndex = new Map<string, number>();
  const problems: string[] = [];
  for (const [index, object] of objects.entries()) {
    const ref = referenceOf(object);
    const key = `${ref.apiVersion} ${describeReference(ref)}`;
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, index);
    } else {
      problems.push(
        `objects[${index}] (${describeReference(
          ref,
        )}) is the same object as objects[${first}]: list each object once`,
      );
    }
  }
  return problems;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function throwIfAny(problems: string[]) {
  if (problems.length > 0) {
    throw new InputError(problems.join('; '));
  }
}

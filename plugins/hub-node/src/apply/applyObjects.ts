import { LoggerService } from '@backstage/backend-plugin-api';
import { KubernetesObject } from '@kubernetes/client-node';
import { applyObject, ApplyObjectContext } from './applyObject';
import { isCustomResourceDefinition, isNamespace } from './kinds';
import { describeReference } from './objectReference';
import { inApplyOrder, ResolvedObject, resolveObjects } from './resolveObjects';
import { AppliedObject, ApplyReport } from './types';
import { waitForCrds } from './waitForCrds';

const CRD_ESTABLISHED_TIMEOUT_MS = 60_000;

export interface ApplyObjectsContext extends ApplyObjectContext {
  waitForCrds: boolean;
  logger?: LoggerService;
}

/** Validates the whole batch, then applies it in dependency order. */
export async function applyObjects(
  objects: KubernetesObject[],
  context: ApplyObjectsContext,
): Promise<ApplyReport> {
  const resolved = await resolveObjects(context.client, objects, {
    requireServed: true,
  });
  const ordered = inApplyOrder(resolved);
  const applied = context.dryRun
    ? await dryRunInOrder(ordered, context)
    : await applyInOrder(ordered, context);
  return { dryRun: context.dryRun, objects: applied };
}

async function applyInOrder(
  ordered: ResolvedObject[],
  context: ApplyObjectsContext,
): Promise<AppliedObject[]> {
  const crds = ordered.filter(r => isCustomResourceDefinition(r.object));
  const rest = ordered.filter(r => !isCustomResourceDefinition(r.object));
  const applied = await applyEach(crds, context);
  if (crds.length > 0 && context.waitForCrds) {
    context.logger?.info(
      `Waiting for ${crds.length} CustomResourceDefinition(s) to be established`,
    );
    await waitForCrds(context.client, {
      crds: crds.map(r => r.ref),
      kinds: rest
        .filter(r => r.availability === 'definedInBatch')
        .map(r => r.ref),
      timeoutMs: CRD_ESTABLISHED_TIMEOUT_MS,
    });
  }
  return [...applied, ...(await applyEach(rest, context))];
}

async function applyEach(
  objects: ResolvedObject[],
  context: ApplyObjectsContext,
): Promise<AppliedObject[]> {
  const applied: AppliedObject[] = [];
  for (const object of objects) {
    applied.push(logged(await applyObject(object, context), context));
  }
  return applied;
}

/**
 * A dry run writes nothing, so a Namespace or CRD the batch creates is never there for
 * the objects after it, and the API server would refuse to dry-run them (namespace not
 * found, kind not served). Such an object cannot exist yet, so it is reported as
 * `create` without asking the server, marked `predicted`.
 */
async function dryRunInOrder(
  ordered: ResolvedObject[],
  context: ApplyObjectsContext,
): Promise<AppliedObject[]> {
  const namespacesToCreate = new Set<string>();
  const applied: AppliedObject[] = [];
  for (const object of ordered) {
    const { ref } = object;
    const predicted =
      object.availability === 'definedInBatch' ||
      (ref.namespace !== undefined && namespacesToCreate.has(ref.namespace));
    const result: AppliedObject = predicted
      ? { ...ref, action: 'create', predicted: true }
      : await applyObject(object, context);
    if (isNamespace(object.object) && result.action === 'create') {
      namespacesToCreate.add(ref.name);
    }
    applied.push(logged(result, context));
  }
  return applied;
}

function logged(
  applied: AppliedObject,
  { logger, dryRun }: ApplyObjectsContext,
): AppliedObject {
  const mode = dryRun ? ' (dry run)' : '';
  logger?.debug(`${applied.action} ${describeReference(applied)}${mode}`);
  return applied;
}

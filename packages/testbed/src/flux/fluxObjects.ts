import {
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { GitRemote } from '../git/gitServer';

/** A Flux object (or any namespaced object) by its type and name. */
export interface FluxObjectRef {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

export interface FluxCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** What the tests read of a Flux object. */
export interface FluxObject extends KubernetesObject {
  spec?: Record<string, unknown>;
  status?: {
    observedGeneration?: number;
    conditions?: FluxCondition[];
    artifact?: { revision?: string; url?: string; digest?: string };
    lastAppliedRevision?: string;
    lastAttemptedRevision?: string;
    inventory?: { entries?: { id: string; v: string }[] };
  };
}

export const gitRepositoryApiVersion = 'source.toolkit.fluxcd.io/v1';
export const kustomizationApiVersion = 'kustomize.toolkit.fluxcd.io/v1';

/** The field manager of objects the tests apply. */
const fieldManager = 'hubspoke-test';

/** Server-side applies `object` (creates or updates it) and returns what the server stored. */
export async function applyObject<T extends KubernetesObject>(
  kubeConfig: KubeConfig,
  object: T,
): Promise<T> {
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  return client.patch(
    object,
    undefined,
    undefined,
    fieldManager,
    true,
    PatchStrategy.ServerSideApply,
  );
}

export async function readFluxObject(
  kubeConfig: KubeConfig,
  ref: FluxObjectRef,
): Promise<FluxObject> {
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  return client.read<FluxObject>({
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { name: ref.name, namespace: ref.namespace },
  });
}

/** The object's conditions and revisions on one line, for failure messages. */
export function describeStatus(object: FluxObject | undefined): string {
  if (!object) {
    return 'not found';
  }
  const status = object.status ?? {};
  const conditions = (status.conditions ?? [])
    .map(
      c =>
        `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ''}${
          c.message ? `: ${c.message}` : ''
        }`,
    )
    .join('; ');
  const revisions = [
    status.artifact?.revision && `artifact ${status.artifact.revision}`,
    status.lastAppliedRevision && `applied ${status.lastAppliedRevision}`,
    status.lastAttemptedRevision && `attempted ${status.lastAttemptedRevision}`,
  ].filter(Boolean);
  return [
    `conditions: ${conditions || 'none'}`,
    `generation ${object.metadata?.generation}, observed ${status.observedGeneration}`,
    ...revisions,
  ].join(', ');
}

export function condition(
  object: FluxObject | undefined,
  type: string,
): FluxCondition | undefined {
  return object?.status?.conditions?.find(c => c.type === type);
}

export interface WaitForFluxOptions {
  /** Defaults to `Ready`. */
  type?: string;
  /** Defaults to `True`. */
  status?: 'True' | 'False';
  /** Further conditions on the object, e.g. on the applied revision. */
  and?: (object: FluxObject) => boolean;
  /** Says what `and` checks, for the failure message. */
  description?: string;
  /** Defaults to 60 s. */
  timeoutMs?: number;
}

/**
 * Polls until the object's condition has the wanted status (for `True`, for its current
 * generation) and `and` holds. On timeout the error names the object and shows its
 * conditions. For `False`, pass an `and` that identifies the failure (a revision or a
 * reason): a new object can be briefly not Ready for other reasons.
 */
export async function waitForFlux(
  kubeConfig: KubeConfig,
  ref: FluxObjectRef,
  options: WaitForFluxOptions = {},
): Promise<FluxObject> {
  const { type = 'Ready', status = 'True', timeoutMs = 60_000 } = options;
  const deadline = Date.now() + timeoutMs;
  let last: FluxObject | undefined;
  let lastError = '';
  for (;;) {
    try {
      last = await readFluxObject(kubeConfig, ref);
      lastError = '';
      // Flux records observedGeneration only after a successful reconciliation.
      const observed =
        status === 'False' ||
        last.status?.observedGeneration === last.metadata?.generation;
      if (
        observed &&
        condition(last, type)?.status === status &&
        (!options.and || options.and(last))
      ) {
        return last;
      }
    } catch (error) {
      lastError = ` (last read failed: ${(error as Error).message})`;
    }
    if (Date.now() > deadline) {
      const what = `${ref.kind} ${ref.namespace}/${ref.name}`;
      const extra = options.description ? ` and ${options.description}` : '';
      throw new Error(
        `${what} did not reach ${type}=${status}${extra} within ${timeoutMs} ms; ` +
          `${describeStatus(last)}${lastError}`,
      );
    }
    await sleep(250);
  }
}

/** Waits until a Kustomization is Ready with commit `sha` applied. */
export function waitForAppliedRevision(
  kubeConfig: KubeConfig,
  ref: FluxObjectRef,
  sha: string,
  options: Pick<WaitForFluxOptions, 'timeoutMs'> = {},
): Promise<FluxObject> {
  return waitForFlux(kubeConfig, ref, {
    ...options,
    and: o => o.status?.lastAppliedRevision?.includes(sha) ?? false,
    description: `lastAppliedRevision containing ${sha}`,
  });
}

/**
 * Sets `reconcile.fluxcd.io/requestedAt`, which makes the controller reconcile at once
 * (what `flux reconcile` does).
 */
export async function requestReconcile(
  kubeConfig: KubeConfig,
  ref: FluxObjectRef,
): Promise<void> {
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  await client.patch(
    {
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      metadata: {
        name: ref.name,
        namespace: ref.namespace,
        annotations: {
          'reconcile.fluxcd.io/requestedAt': new Date().toISOString(),
        },
      },
    },
    undefined,
    undefined,
    undefined,
    undefined,
    PatchStrategy.MergePatch,
  );
}

export function gitRepositoryRef(
  namespace: string,
  name: string,
): FluxObjectRef {
  return {
    apiVersion: gitRepositoryApiVersion,
    kind: 'GitRepository',
    namespace,
    name,
  };
}

export function kustomizationRef(
  namespace: string,
  name: string,
): FluxObjectRef {
  return {
    apiVersion: kustomizationApiVersion,
    kind: 'Kustomization',
    namespace,
    name,
  };
}

/** A Secret with the `username` and `password` keys a GitRepository's secretRef reads. */
export function gitCredentialsSecret(
  namespace: string,
  name: string,
  remote: Pick<GitRemote, 'username' | 'password'>,
): KubernetesObject & { stringData: Record<string, string> } {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    stringData: { username: remote.username, password: remote.password },
  };
}

/** A GitRepository that follows `main` of `remote`, with its credentials Secret `<name>-auth`. */
export function gitRepository(
  namespace: string,
  name: string,
  remote: GitRemote,
  spec: Record<string, unknown> = {},
): FluxObject {
  return {
    apiVersion: gitRepositoryApiVersion,
    kind: 'GitRepository',
    metadata: { name, namespace },
    spec: {
      interval: '1m',
      timeout: '30s',
      url: remote.url,
      ref: { branch: 'main' },
      secretRef: { name: `${name}-auth` },
      ...spec,
    },
  };
}

/** A Kustomization of `path` in the GitRepository `source` of the same namespace. */
export function kustomization(
  namespace: string,
  name: string,
  spec: { path: string; source: string } & Record<string, unknown>,
): FluxObject {
  const { source, ...rest } = spec;
  return {
    apiVersion: kustomizationApiVersion,
    kind: 'Kustomization',
    metadata: { name, namespace },
    spec: {
      interval: '1m',
      retryInterval: '10s',
      timeout: '1m',
      prune: true,
      sourceRef: { kind: 'GitRepository', name: source },
      ...rest,
    },
  };
}

/**
 * Applies the credentials Secret `<name>-auth` and a GitRepository `name` that follows
 * `main` of `remote`, in `namespace`; returns the GitRepository's reference.
 */
export async function applyGitSource(
  kubeConfig: KubeConfig,
  namespace: string,
  name: string,
  remote: GitRemote,
  spec: Record<string, unknown> = {},
): Promise<FluxObjectRef> {
  await applyObject(
    kubeConfig,
    gitCredentialsSecret(namespace, `${name}-auth`, remote),
  );
  await applyObject(kubeConfig, gitRepository(namespace, name, remote, spec));
  return gitRepositoryRef(namespace, name);
}

/**
 * Deletes a Flux object and waits until its finalizer has run (a Kustomization with
 * prune deletes what it applied) and the object is gone.
 */
export async function deleteFluxObject(
  kubeConfig: KubeConfig,
  ref: FluxObjectRef,
  timeoutMs: number = 30_000,
): Promise<void> {
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  const header = {
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { name: ref.name, namespace: ref.namespace },
  };
  const deadline = Date.now() + timeoutMs;
  try {
    await client.delete(header);
    for (;;) {
      await client.read(header);
      if (Date.now() > deadline) {
        throw new Error(
          `${ref.kind} ${ref.namespace}/${ref.name} still exists ${timeoutMs} ms after its deletion`,
        );
      }
      await sleep(250);
    }
  } catch (error) {
    if ((error as { code?: unknown }).code !== 404) {
      throw error;
    }
  }
}

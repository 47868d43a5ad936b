import { ConflictError, InputError } from '@backstage/errors';
import { TenantInput } from '@hubspoke/backstage-plugin-hub-common';
import {
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
} from '@kubernetes/client-node';

// Before an action applies, it checks that the names it is about to write are free
// or already its own: server-side apply under one field manager would otherwise take
// over another tenant's or spoke's object without a word.

function orUndefinedWhenMissing<T>(read: Promise<T>): Promise<T | undefined> {
  return read.catch(error => {
    if ((error as { code?: number }).code === 404) return undefined;
    throw error;
  });
}

function readNamespaceLabels(kubeConfig: KubeConfig, name: string) {
  return orUndefinedWhenMissing(
    kubeConfig.makeApiClient(CoreV1Api).readNamespace({ name }),
  ).then(ns => (ns ? ns.metadata?.labels ?? {} : undefined));
}

function tenantHolder(labels: Record<string, string>): string {
  return labels['hubspoke.io/tenant']
    ? `tenant "${labels['hubspoke.io/tenant']}" of ${
        labels['hubspoke.io/owner'] ?? 'an unknown owner'
      }`
    : 'something other than Hubspoke';
}

function objectHolder(labels: Record<string, string>): string {
  if (labels['hubspoke.io/tenant']) {
    return `tenant "${labels['hubspoke.io/tenant']}"`;
  }
  if (labels['hubspoke.io/spoke']) {
    return `spoke "${labels['hubspoke.io/spoke']}"`;
  }
  return 'something other than Hubspoke';
}

/** A namespace that exists for another spoke or for something else is not taken over. */
export async function assertSpokeOwnsNamespace(
  kubeConfig: KubeConfig,
  cluster: string,
  spoke: string,
): Promise<void> {
  const labels = await readNamespaceLabels(kubeConfig, spoke);
  const owner = labels?.['hubspoke.io/spoke'];
  if (labels && owner !== spoke) {
    throw new ConflictError(
      `name: namespace "${spoke}" on cluster "${cluster}" already exists and belongs to ${
        owner ? `spoke "${owner}"` : 'something other than Hubspoke'
      }; choose another spoke name`,
    );
  }
}

/** A tenant on a spoke needs the spoke's hub namespace, which hub:spoke:register makes. */
export async function assertSpokeRegistered(
  hubKubeConfig: KubeConfig,
  hub: string,
  spoke: string,
): Promise<void> {
  const labels = await readNamespaceLabels(hubKubeConfig, spoke);
  if (labels?.['hubspoke.io/spoke'] !== spoke) {
    throw new InputError(
      `cluster: spoke "${spoke}" is not registered with hub "${hub}" (no namespace "${spoke}" labelled hubspoke.io/spoke=${spoke} there); run hub:spoke:register first`,
    );
  }
}

/** A namespace that exists for another tenant or owner is not taken over. */
export async function assertTenantOwnsNamespaces(
  kubeConfig: KubeConfig,
  cluster: string,
  tenant: TenantInput,
  namespaces: string[],
): Promise<void> {
  for (const name of namespaces) {
    const labels = await readNamespaceLabels(kubeConfig, name);
    if (
      labels &&
      (labels['hubspoke.io/tenant'] !== tenant.name ||
        labels['hubspoke.io/owner'] !== tenant.ownerGroup)
    ) {
      throw new ConflictError(
        `name: namespace "${name}" on cluster "${cluster}" already exists and belongs to ${tenantHolder(
          labels,
        )}; choose another tenant name`,
      );
    }
  }
}

/**
 * The hub objects of a tenant on a spoke share the spoke's hub namespace with the
 * spoke's own source and layers and with other tenants: none of those is overwritten.
 */
export async function assertTenantOwnsObjects(
  kubeConfig: KubeConfig,
  cluster: string,
  tenant: TenantInput,
  objects: KubernetesObject[],
): Promise<void> {
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  for (const object of objects) {
    const existing = await orUndefinedWhenMissing(
      client.read({
        apiVersion: object.apiVersion!,
        kind: object.kind!,
        metadata: {
          name: object.metadata!.name!,
          namespace: object.metadata!.namespace!,
        },
      }),
    );
    const labels = existing?.metadata?.labels ?? {};
    if (existing && labels['hubspoke.io/tenant'] !== tenant.name) {
      throw new ConflictError(
        `name: ${object.kind} "${object.metadata!.namespace}/${
          object.metadata!.name
        }" on cluster "${cluster}" already exists and belongs to ${objectHolder(
          labels,
        )}; choose another tenant name`,
      );
    }
  }
}

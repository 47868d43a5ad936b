import {
  createApplyEngine,
  DeletedObject,
} from '@hubspoke/backstage-plugin-hub-node';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesObject,
} from '@kubernetes/client-node';

/** Only objects Hubspoke made for this tenant; a tenant's own labelled objects stay. */
function tenantSelector(tenant: string): string {
  return `hubspoke.io/tenant=${tenant},app.kubernetes.io/managed-by=hubspoke`;
}

function header(
  apiVersion: string,
  kind: string,
  item: KubernetesObject,
): KubernetesObject {
  return {
    apiVersion,
    kind,
    metadata: {
      name: item.metadata!.name,
      ...(item.metadata!.namespace && { namespace: item.metadata!.namespace }),
    },
  };
}

/** The tenant's namespaces on a cluster, found by the labels create put on them. */
export async function tenantNamespaceObjects(
  kubeConfig: KubeConfig,
  tenant: string,
): Promise<KubernetesObject[]> {
  const list = await kubeConfig
    .makeApiClient(CoreV1Api)
    .listNamespace({ labelSelector: tenantSelector(tenant) });
  return list.items.map(item => header('v1', 'Namespace', item));
}

/** The accounts of a tenant on a spoke, in the spoke's namespace there. */
export async function tenantSpokeAccounts(
  kubeConfig: KubeConfig,
  tenant: string,
  spoke: string,
): Promise<KubernetesObject[]> {
  const list = await kubeConfig
    .makeApiClient(CoreV1Api)
    .listNamespacedServiceAccount({
      namespace: spoke,
      labelSelector: tenantSelector(tenant),
    });
  return list.items.map(item => header('v1', 'ServiceAccount', item));
}

const SYNC_KINDS = [
  {
    group: 'kustomize.toolkit.fluxcd.io',
    plural: 'kustomizations',
    kind: 'Kustomization',
  },
  {
    group: 'source.toolkit.fluxcd.io',
    plural: 'gitrepositories',
    kind: 'GitRepository',
  },
];

/** The GitRepositories and Kustomizations of a tenant on a spoke, in the spoke's hub namespace. */
export async function tenantSyncObjects(
  kubeConfig: KubeConfig,
  tenant: string,
  spoke: string,
): Promise<KubernetesObject[]> {
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const objects: KubernetesObject[] = [];
  for (const { group, plural, kind } of SYNC_KINDS) {
    const list = (await custom.listNamespacedCustomObject({
      group,
      version: 'v1',
      namespace: spoke,
      plural,
      labelSelector: tenantSelector(tenant),
    })) as { items: KubernetesObject[] };
    objects.push(...list.items.map(item => header(`${group}/v1`, kind, item)));
  }
  return objects;
}

/** Deletes the objects (in the reverse of the apply order) and returns those that were there. */
export async function deleteFound(
  kubeConfig: KubeConfig,
  logger: LoggerService,
  objects: KubernetesObject[],
  dryRun: boolean,
): Promise<DeletedObject[]> {
  const report = await createApplyEngine({ kubeConfig, logger }).delete(
    objects,
    { dryRun },
  );
  return report.objects.filter(o => o.action === 'deleted');
}

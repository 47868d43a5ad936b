import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesListObject,
  KubernetesObject,
} from '@kubernetes/client-node';
import {
  HUB_FLUX_KINDS,
  HubFluxKind,
} from '@hubspoke/backstage-plugin-hub-common';

/** One kind the cache watches on every cluster. */
export interface WatchedKind {
  kind: string;
  apiVersion: string;
  /** The watch path, cluster-wide. */
  path: string;
  /** Lists every object of the kind, cluster-wide. */
  list(kubeConfig: KubeConfig): Promise<KubernetesListObject<KubernetesObject>>;
}

const FLUX_PLURALS: Record<HubFluxKind, string> = {
  GitRepository: 'gitrepositories',
  OCIRepository: 'ocirepositories',
  HelmRepository: 'helmrepositories',
  Kustomization: 'kustomizations',
  HelmRelease: 'helmreleases',
};

function fluxKind(kind: HubFluxKind): WatchedKind {
  const apiVersion = HUB_FLUX_KINDS[kind];
  const [group, version] = apiVersion.split('/');
  const plural = FLUX_PLURALS[kind];
  return {
    kind,
    apiVersion,
    path: `/apis/${apiVersion}/${plural}`,
    list: async kubeConfig =>
      (await kubeConfig
        .makeApiClient(CustomObjectsApi)
        .listClusterCustomObject({
          group,
          version,
          plural,
        })) as KubernetesListObject<KubernetesObject>,
  };
}

export const NAMESPACES: WatchedKind = {
  kind: 'Namespace',
  apiVersion: 'v1',
  path: '/api/v1/namespaces',
  list: kubeConfig => kubeConfig.makeApiClient(CoreV1Api).listNamespace(),
};

export const NODES: WatchedKind = {
  kind: 'Node',
  apiVersion: 'v1',
  path: '/api/v1/nodes',
  list: kubeConfig => kubeConfig.makeApiClient(CoreV1Api).listNode(),
};

/** Every kind the cache watches, in the order the status lists them. */
export const WATCHED_KINDS: WatchedKind[] = [
  NAMESPACES,
  NODES,
  ...(Object.keys(HUB_FLUX_KINDS) as HubFluxKind[]).map(fluxKind),
];

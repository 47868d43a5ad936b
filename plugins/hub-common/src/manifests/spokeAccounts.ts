import {
  SPOKE_ACCOUNTS,
  SPOKE_CLUSTER_ADMIN_ACCOUNT,
  SpokeInput,
} from './spokeInput';
import { spokeLabels } from './spokeManifests';
import {
  ClusterRoleBindingManifest,
  NamespaceManifest,
  ServiceAccountManifest,
} from './types';

/** The objects of a spoke on the spoke cluster itself, in apply order. */
export type SpokeAccountManifest =
  | NamespaceManifest
  | ServiceAccountManifest
  | ClusterRoleBindingManifest;

function accountLabels(spoke: string, hub: string): Record<string, string> {
  return { ...spokeLabels(spoke), 'hubspoke.io/hub': hub };
}

/**
 * The ClusterRoleBinding of a spoke's cluster-admin account. A spoke cluster may be
 * registered by more than one hub or under more than one name, so the name carries
 * both; `:` cannot occur in either, so no two pairs give one name.
 */
export function spokeClusterAdminBindingName(
  input: Pick<SpokeInput, 'name'>,
  hub: string,
): string {
  return `hubspoke:${hub}:${input.name}:${SPOKE_CLUSTER_ADMIN_ACCOUNT}`;
}

/**
 * What the hub's Kustomizations impersonate on the spoke (flux2-hub-spoke-example's
 * deploy/tenants/flux.yaml): a namespace named after the spoke holding the accounts
 * `flux-cluster-admin`, bound to cluster-admin, and `flux-restricted`, with no
 * cluster-wide rights. They cannot come from the spoke's first layer, which already
 * runs as `flux-cluster-admin`, so they are applied to the spoke directly.
 */
export function buildSpokeAccountManifests(
  input: Pick<SpokeInput, 'name'>,
  options: { hub: string },
): SpokeAccountManifest[] {
  const labels = accountLabels(input.name, options.hub);
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: input.name, labels },
    },
    ...SPOKE_ACCOUNTS.map(
      (name): ServiceAccountManifest => ({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name, namespace: input.name, labels },
      }),
    ),
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: {
        name: spokeClusterAdminBindingName(input, options.hub),
        labels,
      },
      subjects: [
        {
          kind: 'ServiceAccount',
          name: SPOKE_CLUSTER_ADMIN_ACCOUNT,
          namespace: input.name,
        },
      ],
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'cluster-admin',
      },
    },
  ];
}

import { TenantInput } from './tenantInput';
import {
  namespacedMeta,
  TenantNamespace,
  tenantLabels,
} from './tenantNamespaces';
import { RoleBindingManifest, ServiceAccountManifest } from './types';

/**
 * The account the hub's Kustomization of a tenant namespace impersonates on the spoke.
 * With `kubeConfig`, kustomize-controller impersonates
 * `system:serviceaccount:<Kustomization namespace>:<serviceAccountName>` on the remote
 * cluster, and that Kustomization lives in the spoke's hub namespace; so the account
 * lives in the spoke's namespace on the spoke too, one per tenant namespace. The
 * prefix keeps it apart from that namespace's `flux-cluster-admin` and
 * `flux-restricted`, whatever a tenant is called.
 */
export function spokeTenantServiceAccountName(target: TenantNamespace): string {
  return `tenant-${target.namespace}`;
}

export function spokeTenantServiceAccount(
  input: TenantInput,
  target: TenantNamespace,
): ServiceAccountManifest {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: spokeTenantServiceAccountName(target),
      namespace: input.cluster,
      labels: tenantLabels(target.tenant),
    },
  };
}

/**
 * Grants `admin` to the tenant's impersonated account through a RoleBinding in the
 * tenant namespace, so the rights stop there: the account has no others on the spoke.
 */
export function spokeTenantRoleBinding(
  input: TenantInput,
  target: TenantNamespace,
): RoleBindingManifest {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: namespacedMeta(target, `${target.tenant}-reconciler`),
    subjects: [
      {
        kind: 'ServiceAccount',
        name: spokeTenantServiceAccountName(target),
        namespace: input.cluster,
      },
    ],
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'admin',
    },
  };
}

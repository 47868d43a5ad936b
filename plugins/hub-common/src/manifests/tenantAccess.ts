import { TenantInput } from './tenantInput';
import {
  namespacedMeta,
  TenantNamespace,
  tenantLabels,
} from './tenantNamespaces';
import {
  NamespaceManifest,
  RoleBindingManifest,
  ServiceAccountManifest,
} from './types';

/** The service account Flux impersonates when it applies the tenant's sources. */
export const TENANT_SERVICE_ACCOUNT = 'flux';

export function tenantNamespaceManifest(
  input: TenantInput,
  target: TenantNamespace,
): NamespaceManifest {
  const level = input.podSecurityLevel;
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: target.namespace,
      labels: {
        ...tenantLabels(target.tenant),
        'toolkit.fluxcd.io/tenant': target.tenant,
        'hubspoke.io/owner': input.ownerGroup,
        ...(target.environment && {
          'hubspoke.io/environment': target.environment,
        }),
        'pod-security.kubernetes.io/enforce': level,
        'pod-security.kubernetes.io/enforce-version': 'latest',
        'pod-security.kubernetes.io/audit': level,
        'pod-security.kubernetes.io/warn': level,
      },
    },
  };
}

export function tenantServiceAccount(
  target: TenantNamespace,
): ServiceAccountManifest {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: namespacedMeta(target, TENANT_SERVICE_ACCOUNT),
  };
}

/**
 * Grants `admin` through a RoleBinding, so the rights stop at the namespace. The subjects
 * are those `flux create tenant` binds: the reconciler user and the impersonated account.
 */
export function tenantReconcilerRoleBinding(
  target: TenantNamespace,
): RoleBindingManifest {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: namespacedMeta(target, `${target.tenant}-reconciler`),
    subjects: [
      {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'User',
        name: `gotk:${target.namespace}:reconciler`,
      },
      {
        kind: 'ServiceAccount',
        name: TENANT_SERVICE_ACCOUNT,
        namespace: target.namespace,
      },
    ],
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'admin',
    },
  };
}

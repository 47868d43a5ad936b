import {
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
} from '@kubernetes/client-node';
import { createTestNamespace, TestNamespace } from '../createTestNamespace';

export interface FluxTenant extends TestNamespace {
  /** The ServiceAccount the tenant's Kustomizations name in `serviceAccountName`. */
  serviceAccountName: string;
}

export interface CreateFluxTenantOptions {
  /** The ClusterRole the tenant gets in its own namespace only; defaults to `admin`. */
  clusterRole?: string;
}

/**
 * A tenant namespace as `flux create tenant` and flux2-multi-tenancy set it up: the
 * label `toolkit.fluxcd.io/tenant`, a ServiceAccount `flux`, and a RoleBinding
 * `<namespace>-reconciler` granting a ClusterRole in this namespace to that account and
 * to the user `gotk:<namespace>:reconciler`.
 */
export async function createFluxTenant(
  kubeConfig: KubeConfig,
  prefix: string,
  options: CreateFluxTenantOptions = {},
): Promise<FluxTenant> {
  const namespace = await createTestNamespace(kubeConfig, prefix, {
    'toolkit.fluxcd.io/tenant': prefix,
  });
  const serviceAccountName = 'flux';
  await kubeConfig.makeApiClient(CoreV1Api).createNamespacedServiceAccount({
    namespace: namespace.name,
    body: { metadata: { name: serviceAccountName } },
  });
  await kubeConfig
    .makeApiClient(RbacAuthorizationV1Api)
    .createNamespacedRoleBinding({
      namespace: namespace.name,
      body: {
        metadata: { name: `${namespace.name}-reconciler` },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: options.clusterRole ?? 'admin',
        },
        subjects: [
          {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'User',
            name: `gotk:${namespace.name}:reconciler`,
          },
          {
            kind: 'ServiceAccount',
            name: serviceAccountName,
            namespace: namespace.name,
          },
        ],
      },
    });
  return { ...namespace, serviceAccountName };
}

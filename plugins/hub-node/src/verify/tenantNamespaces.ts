import {
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
} from '@kubernetes/client-node';

export const TENANT_LABEL = 'hubspoke.io/tenant';

export interface TenantNamespace {
  tenant: string;
  namespace: string;
  /** The service accounts the tenant's reconciler RoleBindings bind: Flux's identities for it. */
  reconcilers: Array<{ name: string; namespace: string }>;
}

/** The namespaces labelled with a tenant, and who reconciles each. */
export async function listTenantNamespaces(
  kubeConfig: KubeConfig,
): Promise<TenantNamespace[]> {
  const namespaces = await kubeConfig
    .makeApiClient(CoreV1Api)
    .listNamespace({ labelSelector: TENANT_LABEL });
  const rbac = kubeConfig.makeApiClient(RbacAuthorizationV1Api);
  return Promise.all(
    namespaces.items.map(async ns => {
      const namespace = ns.metadata!.name!;
      const tenant = ns.metadata!.labels![TENANT_LABEL];
      const bindings = await rbac.listNamespacedRoleBinding({
        namespace,
        labelSelector: `${TENANT_LABEL}=${tenant}`,
      });
      const reconcilers = bindings.items.flatMap(binding =>
        (binding.subjects ?? [])
          .filter(subject => subject.kind === 'ServiceAccount')
          .map(subject => ({
            name: subject.name,
            namespace: subject.namespace ?? namespace,
          })),
      );
      return { tenant, namespace, reconcilers };
    }),
  );
}

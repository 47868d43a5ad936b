import { TenantInput } from './tenantInput';
import { NamespacedObjectMeta } from './types';

/** One namespace of a tenant and the environment it serves, if any. */
export interface TenantNamespace {
  tenant: string;
  namespace: string;
  environment?: string;
}

/** A tenant without environments gets one namespace named after it; otherwise one per environment. */
export function tenantNamespaces(input: TenantInput): TenantNamespace[] {
  if (input.environments.length === 0) {
    return [{ tenant: input.name, namespace: input.name }];
  }
  return input.environments.map(environment => ({
    tenant: input.name,
    namespace: `${input.name}-${environment}`,
    environment,
  }));
}

/** Labels carried by every object of a tenant. */
export function tenantLabels(tenant: string): Record<string, string> {
  return {
    'hubspoke.io/tenant': tenant,
    'app.kubernetes.io/managed-by': 'hubspoke',
  };
}

export function namespacedMeta(
  target: TenantNamespace,
  name: string,
): NamespacedObjectMeta {
  return {
    name,
    namespace: target.namespace,
    labels: tenantLabels(target.tenant),
  };
}

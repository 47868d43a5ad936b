import { HubCheck } from '@hubspoke/backstage-plugin-hub-common';
import { NetworkingV1Api, V1NetworkPolicy } from '@kubernetes/client-node';
import { VerifyContext } from './types';

/** Selects every pod and allows no ingress: what "default deny" means for a namespace. */
function deniesAllIngress(policy: V1NetworkPolicy): boolean {
  const spec = policy.spec;
  const selectsAll =
    Object.keys(spec?.podSelector?.matchLabels ?? {}).length === 0 &&
    (spec?.podSelector?.matchExpressions ?? []).length === 0;
  return (
    selectsAll &&
    (spec?.policyTypes ?? []).includes('Ingress') &&
    (spec?.ingress ?? []).length === 0
  );
}

/** Every tenant namespace has a default-deny NetworkPolicy. */
export async function checkDefaultDeny(
  context: VerifyContext,
): Promise<HubCheck> {
  const { kubeConfig } = context;
  const tenants = await context.tenants();
  const base = {
    id: 'security.defaultDeny',
    area: 'security' as const,
    title: 'Tenant namespaces deny traffic by default',
  };
  if (tenants.length === 0) {
    return {
      ...base,
      status: 'warn',
      reason: 'no tenant namespaces to check',
      evidence: [],
    };
  }
  const networking = kubeConfig.makeApiClient(NetworkingV1Api);
  const uncovered: string[] = [];
  const covered: string[] = [];
  for (const { namespace } of tenants) {
    const policies = await networking.listNamespacedNetworkPolicy({
      namespace,
    });
    const deny = policies.items.find(deniesAllIngress);
    if (deny) covered.push(`${namespace}: ${deny.metadata?.name}`);
    else
      uncovered.push(
        `${namespace}: no NetworkPolicy selects every pod and allows no ingress (${policies.items.length} policies)`,
      );
  }
  return uncovered.length > 0
    ? {
        ...base,
        status: 'fail',
        reason: `${uncovered.length} of ${tenants.length} tenant namespaces without default deny`,
        evidence: uncovered,
      }
    : {
        ...base,
        status: 'pass',
        reason: `all ${tenants.length} tenant namespaces deny by default`,
        evidence: covered,
      };
}

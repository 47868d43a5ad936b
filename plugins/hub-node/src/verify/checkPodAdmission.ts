import { HubCheck } from '@hubspoke/backstage-plugin-hub-common';
import { CoreV1Api, V1Pod } from '@kubernetes/client-node';
import { VerifyContext } from './types';

function privilegedPod(namespace: string): V1Pod {
  return {
    metadata: { name: 'hubspoke-verify-privileged', namespace },
    spec: {
      hostNetwork: true,
      containers: [
        {
          name: 'probe',
          image: 'registry.invalid/probe:1',
          securityContext: { privileged: true },
        },
      ],
    },
  };
}

/**
 * Pod Security and admission policies enforced: a server-side dry run of a privileged,
 * host-network Pod in every tenant namespace must be refused. Nothing is created.
 */
export async function checkPodAdmission(
  context: VerifyContext,
): Promise<HubCheck> {
  const { kubeConfig } = context;
  const tenants = await context.tenants();
  const base = {
    id: 'security.podAdmission',
    area: 'security' as const,
    title: 'Privileged pods refused in tenant namespaces',
  };
  if (tenants.length === 0) {
    return {
      ...base,
      status: 'warn',
      reason: 'no tenant namespaces to probe',
      evidence: [],
    };
  }
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const admitted: string[] = [];
  const refusals: string[] = [];
  for (const { namespace } of tenants) {
    try {
      await core.createNamespacedPod({
        namespace,
        body: privilegedPod(namespace),
        dryRun: 'All',
      });
      admitted.push(
        `${namespace}: a privileged host-network Pod was admitted (dry run)`,
      );
    } catch (error) {
      const { code, body } = error as { code?: number; body?: string };
      if (code !== 403 && code !== 422) throw error;
      const message = (() => {
        try {
          return (JSON.parse(body ?? '{}') as { message?: string }).message;
        } catch {
          return undefined;
        }
      })();
      refusals.push(`${namespace}: refused (${code}) ${message ?? ''}`.trim());
    }
  }
  return admitted.length > 0
    ? {
        ...base,
        status: 'fail',
        reason: `${admitted.length} of ${tenants.length} tenant namespaces admit privileged pods`,
        evidence: [...admitted, ...refusals],
      }
    : {
        ...base,
        status: 'pass',
        reason: `all ${tenants.length} tenant namespaces refuse a privileged pod`,
        evidence: refusals,
      };
}

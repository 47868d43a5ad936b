import {
  HubArea,
  HubCheck,
  HubCheckReport,
  worstStatus,
} from '@hubspoke/backstage-plugin-hub-common';
import { checkApiServer } from './checkApiServer';
import { checkAuditLogging } from './checkAuditLogging';
import { checkBackups } from './checkBackups';
import { checkDefaultDeny } from './checkDefaultDeny';
import { checkEtcdMembers } from './checkEtcdMembers';
import { checkFluxControllers, checkFluxReconciliation } from './checkFlux';
import { checkHighAvailability } from './checkHighAvailability';
import { checkPodAdmission } from './checkPodAdmission';
import { checkTenantIsolation } from './checkTenantIsolation';
import { listTenantNamespaces, TenantNamespace } from './tenantNamespaces';
import { VerifyContext, VerifyOptions } from './types';

type Check = (
  context: VerifyContext,
) => Promise<HubCheck | HubCheck[] | undefined>;

/** Each check with what it reports when it cannot run at all. */
const CHECKS: Array<{ run: Check; id: string; area: HubArea; title: string }> =
  [
    {
      run: checkApiServer,
      id: 'controlPlane.readyz',
      area: 'controlPlane',
      title: 'API server ready',
    },
    {
      run: checkHighAvailability,
      id: 'controlPlane.ha',
      area: 'controlPlane',
      title: 'Highly available control plane',
    },
    {
      run: checkEtcdMembers,
      id: 'etcd.members',
      area: 'etcd',
      title: 'etcd quorum',
    },
    {
      run: checkFluxControllers,
      id: 'flux.controllers',
      area: 'flux',
      title: 'Flux controllers available',
    },
    {
      run: checkFluxReconciliation,
      id: 'flux.reconciliation',
      area: 'flux',
      title: 'Flux objects Ready',
    },
    {
      run: checkTenantIsolation,
      id: 'tenants.isolation',
      area: 'tenants',
      title: 'Tenants isolated from each other',
    },
    {
      run: checkPodAdmission,
      id: 'security.podAdmission',
      area: 'security',
      title: 'Privileged pods refused in tenant namespaces',
    },
    {
      run: checkDefaultDeny,
      id: 'security.defaultDeny',
      area: 'security',
      title: 'Tenant namespaces deny traffic by default',
    },
    {
      run: checkAuditLogging,
      id: 'audit.logging',
      area: 'audit',
      title: 'API server audit logging',
    },
    {
      run: checkBackups,
      id: 'backups.recency',
      area: 'backups',
      title: 'Backups within the recovery point objective',
    },
  ];

/**
 * Runs the hub acceptance checks against a live cluster. Never throws for what it finds:
 * a check that cannot run (unreachable, forbidden) is a failed check saying why.
 */
export async function runVerify(
  options: VerifyOptions,
): Promise<HubCheckReport> {
  let tenants: Promise<TenantNamespace[]> | undefined;
  const context: VerifyContext = {
    fluxNamespace: 'flux-system',
    now: () => new Date(),
    ...options,
    tenants: () => (tenants ??= listTenantNamespaces(options.kubeConfig)),
  };
  const checkedAt = context.now().toISOString();
  const results = await Promise.all(
    CHECKS.map(async ({ run, id, area, title }) => {
      try {
        const result = await run(context);
        return result === undefined ? [] : [result].flat();
      } catch (error) {
        const { code, message } = error as { code?: number; message: string };
        const reason =
          code === 403
            ? `forbidden: the hub's credentials may not read what this check needs (${message})`
            : `could not run: ${message}`;
        return [
          { id, area, title, status: 'fail' as const, reason, evidence: [] },
        ];
      }
    }),
  );
  const checks = results.flat();
  return {
    cluster: options.cluster,
    checkedAt,
    status: worstStatus(checks.map(c => c.status)),
    checks,
  };
}

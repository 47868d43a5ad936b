import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { HubCheckReport } from '@hubspoke/backstage-plugin-hub-common';
import {
  EtcdClientConfig,
  runVerify,
} from '@hubspoke/backstage-plugin-hub-node';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { examples } from './verify.examples';

export interface VerifyActionOptions {
  clusters: ClusterConnector;
  /** The hub's etcd (config hubspoke.backup.etcd): with it, the hub's check asks etcd for its members. */
  hubEtcd?: EtcdClientConfig;
}

const DURATION = /^(\d+)(m|h|d)$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

function parseRecoveryPointObjective(value: string): number {
  const match = DURATION.exec(value);
  if (!match || Number(match[1]) === 0) {
    throw new InputError(
      `recoveryPointObjective: must be a positive number of minutes, hours or days such as 90m, 24h or 7d (got "${value}")`,
    );
  }
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

function logReport(
  logger: { info(m: string): void; warn(m: string): void },
  report: HubCheckReport,
) {
  for (const check of report.checks) {
    const line = `${check.status.toUpperCase().padEnd(4)} ${check.id}: ${
      check.reason
    }`;
    if (check.status === 'pass') logger.info(line);
    else logger.warn(line);
    check.evidence.forEach(item => logger.info(`       ${item}`));
  }
}

/** `hub:verify`: the hub acceptance checks against a live cluster, as a pass/warn/fail report. */
export function createVerifyAction({ clusters, hubEtcd }: VerifyActionOptions) {
  return createTemplateAction({
    id: 'hub:verify',
    description:
      'Runs the hub acceptance checks against a live cluster: API server and etcd readiness, high availability, Flux controllers and objects, tenant isolation for every pair of tenants, admission of privileged pods, default-deny network policies, audit logging and backup age against the recovery point objective',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: z =>
          z
            .string({ description: 'Cluster to check (default: the hub)' })
            .optional(),
        fluxNamespace: z =>
          z
            .string({
              description:
                'Namespace of the Flux controllers (default flux-system)',
            })
            .optional(),
        recoveryPointObjective: z =>
          z
            .string({
              description:
                'Oldest a last successful backup may be, e.g. 24h (default 24h)',
            })
            .optional(),
        failOn: z =>
          z
            .enum(['fail', 'warn', 'never'], {
              description:
                'Fail the step when a check fails (default), also on warnings, or never',
            })
            .optional(),
      },
      output: {
        report: z =>
          z
            .object({
              cluster: z.string(),
              checkedAt: z.string(),
              status: z.enum(['pass', 'warn', 'fail']),
              checks: z.array(
                z.object({
                  id: z.string(),
                  area: z.string(),
                  title: z.string(),
                  status: z.enum(['pass', 'warn', 'fail']),
                  reason: z.string(),
                  evidence: z.array(z.string()),
                }),
              ),
            })
            .describe('The checks with their status, reason and evidence'),
        status: z =>
          z
            .enum(['pass', 'warn', 'fail'])
            .describe('The worst status of any check'),
        summary: z => z.string().describe('e.g. "9 pass, 1 warn, 0 fail"'),
      },
    },
    async handler(ctx) {
      const {
        fluxNamespace,
        recoveryPointObjective = '24h',
        failOn = 'fail',
      } = ctx.input;
      const rpo = parseRecoveryPointObjective(recoveryPointObjective);
      const cluster = ctx.input.cluster ?? clusters.defaultClusterName();
      if (!cluster) {
        throw new InputError(
          'cluster: no cluster given and no hub configured under hubspoke.hub',
        );
      }
      const connected = await clusters.connect(cluster);
      // Every probe is a read or a server-side dry run, so a dry run checks for real.
      const report = await runVerify({
        cluster,
        kubeConfig: connected.kubeConfig,
        recoveryPointObjectiveMs: rpo,
        ...(fluxNamespace && { fluxNamespace }),
        ...(hubEtcd &&
          cluster === clusters.defaultClusterName() && { etcd: hubEtcd }),
      });
      logReport(ctx.logger, report);
      const count = (status: string) =>
        report.checks.filter(c => c.status === status).length;
      const summary = `${count('pass')} pass, ${count('warn')} warn, ${count(
        'fail',
      )} fail`;
      ctx.logger.info(`hub:verify on ${cluster}: ${summary}`);
      ctx.output('report', report);
      ctx.output('status', report.status);
      ctx.output('summary', summary);
      const failing =
        failOn === 'never'
          ? []
          : report.checks.filter(
              c =>
                c.status === 'fail' ||
                (failOn === 'warn' && c.status === 'warn'),
            );
      if (failing.length > 0) {
        throw new Error(
          `hub:verify: ${failing
            .map(c => `${c.id} ${c.status}: ${c.reason}`)
            .join('; ')}`,
        );
      }
    },
  });
}

import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { runPreflight, summarize } from '../preflight/runPreflight';
import { CheckResult } from '../preflight/types';
import { withoutUndefined } from './deliveryOutputs';
import { examples } from './preflight.examples';

const DEFAULTS = {
  requireCrds: [] as string[],
  minimumNodes: 1,
  minimumCpu: 2,
  minimumMemoryGi: 4,
  requireDefaultStorageClass: true,
  failOn: 'fail' as const,
};

/** Options for {@link createPreflightAction}. */
export interface PreflightActionOptions {
  clusters: ClusterConnector;
}

/**
 * `hub:preflight`: checks that a cluster can host Hubspoke (version, identity,
 * permissions, capacity, default StorageClass, CRDs) before a template changes anything.
 */
export function createPreflightAction(options: PreflightActionOptions) {
  const { clusters } = options;
  return createTemplateAction({
    id: 'hub:preflight',
    description:
      'Checks that a hub or spoke cluster is reachable, runs a supported Kubernetes version, grants the rights the hub actions need, has enough capacity, a default StorageClass and the required CRDs. Only reads.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: z =>
          z
            .string({
              description:
                'Name of the configured cluster to check (hubspoke.hub or hubspoke.spokes); defaults to the hub',
            })
            .optional(),
        requireCrds: z =>
          z
            .array(z.string(), {
              description:
                'CRDs the chosen configuration needs, e.g. kustomizations.kustomize.toolkit.fluxcd.io; each must exist and be Established (default: none)',
            })
            .optional(),
        minimumNodes: z =>
          z
            .number({
              description: 'Minimum number of Ready nodes (default 1)',
            })
            .int()
            .min(0)
            .optional(),
        minimumCpu: z =>
          z
            .number({
              description:
                'Minimum allocatable CPU cores summed over Ready nodes (default 2)',
            })
            .min(0)
            .optional(),
        minimumMemoryGi: z =>
          z
            .number({
              description:
                'Minimum allocatable memory in GiB summed over Ready nodes (default 4)',
            })
            .min(0)
            .optional(),
        requireDefaultStorageClass: z =>
          z
            .boolean({
              description:
                'Fail (true) or only warn (false) when no StorageClass is the default (default true)',
            })
            .optional(),
        failOn: z =>
          z
            .enum(['fail', 'warn'], {
              description:
                "'fail': the step fails when a check fails; 'warn': also when a check warns (default 'fail')",
            })
            .optional(),
      },
      output: {
        report: z =>
          z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              status: z.enum(['pass', 'warn', 'fail']),
              message: z.string(),
              evidence: z.record(z.unknown()).optional(),
            }),
            { description: 'One result per check' },
          ),
        passed: z =>
          z.boolean({
            description:
              'True when no check failed (nor warned, with failOn warn)',
          }),
        summary: z =>
          z.string({
            description: "For example '6 passed, 1 warning, 0 failed'",
          }),
      },
    },
    async handler(ctx) {
      const input = { ...DEFAULTS, ...withoutUndefined(ctx.input) };
      const cluster = input.cluster ?? clusters.defaultClusterName();
      if (!cluster) {
        throw new InputError(
          'cluster: no cluster named and no hub configured; set the input or hubspoke.hub',
        );
      }
      const report = await runPreflight(clusters, {
        cluster,
        requireCrds: input.requireCrds,
        minimums: {
          nodes: input.minimumNodes,
          cpu: input.minimumCpu,
          memoryGi: input.minimumMemoryGi,
        },
        requireDefaultStorageClass: input.requireDefaultStorageClass,
      });
      for (const result of report) {
        ctx.logger.info(
          `[${result.status}] ${result.title}: ${result.message}`,
        );
      }
      const blocking = report.filter(
        r =>
          r.status === 'fail' ||
          (input.failOn === 'warn' && r.status === 'warn'),
      );
      const summary = summarize(report);
      ctx.output('report', report);
      ctx.output('passed', blocking.length === 0);
      ctx.output('summary', summary);
      if (blocking.length > 0) {
        throw new InputError(
          `preflight of cluster "${cluster}" failed (${summary}): ${blocking
            .map(describe)
            .join('; ')}`,
        );
      }
      ctx.logger.info(`preflight of cluster "${cluster}": ${summary}`);
    },
  });
}

function describe(result: CheckResult): string {
  return `${result.title}: ${result.message}`;
}

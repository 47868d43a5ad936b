import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ApplyReport,
  createApplyEngine,
  describeApplyReport,
} from '@hubspoke/backstage-plugin-hub-node';
import { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import { JsonValue } from '@backstage/types';

/** The parts of a scaffolder action context that applying needs. */
export interface ApplyContext {
  logger: LoggerService;
  checkpoint<T extends JsonValue | void>(options: {
    key: string;
    fn: () => Promise<T> | T;
  }): Promise<T>;
}

export interface AppliedSummary {
  objects: { kind: string; namespace?: string; name: string; action: string }[];
  summary: string;
}

/**
 * Server-side applies manifests (or dry-runs them) and logs one line per object.
 * A real apply runs inside a checkpoint, so a retried task does not apply again
 * what a finished attempt applied.
 */
export async function applyManifests(
  ctx: ApplyContext,
  kubeConfig: KubeConfig,
  manifests: KubernetesObject[],
  options: {
    dryRun: boolean;
    force: boolean;
    checkpointKey: string;
    /** Server-side apply field manager; defaults to the engine's `hubspoke`. */
    fieldManager?: string;
  },
): Promise<AppliedSummary> {
  const engine = createApplyEngine({
    kubeConfig,
    logger: ctx.logger,
    ...(options.fieldManager && { fieldManager: options.fieldManager }),
  });
  const apply = () =>
    engine.apply(manifests, { dryRun: options.dryRun, force: options.force });
  const report: ApplyReport = options.dryRun
    ? await apply()
    : ((await ctx.checkpoint({
        key: options.checkpointKey,
        fn: async () => JSON.parse(JSON.stringify(await apply())),
      })) as ApplyReport);
  const description = describeApplyReport(report);
  description.lines.forEach(line => ctx.logger.info(line));
  return {
    objects: report.objects.map(({ kind, namespace, name, action }) => ({
      kind,
      namespace,
      name,
      action,
    })),
    summary: description.summary,
  };
}

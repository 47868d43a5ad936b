import {
  ApplyReport,
  createApplyEngine,
  describeApplyReport,
} from '@hubspoke/backstage-plugin-hub-node';
import { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import { AppliedSummary, ApplyContext } from '../delivery/applyManifests';

/**
 * The baseline's own server-side apply field manager. It labels namespaces that Flux,
 * hub:flux:install and hub:tenant:create own (as `hubspoke` or `kustomize-controller`):
 * under its own name its labels sit beside theirs, and a label another owner set to a
 * different value is a conflict instead of a silent overwrite.
 */
export const SECURITY_BASELINE_FIELD_MANAGER = 'hubspoke-security-baseline';

/** applyManifests' behaviour (checkpoint, one log line per object) under the baseline's field manager. */
export async function applyAsSecurityBaseline(
  ctx: ApplyContext,
  kubeConfig: KubeConfig,
  manifests: KubernetesObject[],
  options: { dryRun: boolean; force: boolean; checkpointKey: string },
): Promise<AppliedSummary> {
  const engine = createApplyEngine({
    kubeConfig,
    fieldManager: SECURITY_BASELINE_FIELD_MANAGER,
    logger: ctx.logger,
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

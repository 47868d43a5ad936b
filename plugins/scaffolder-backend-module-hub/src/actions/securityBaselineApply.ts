import { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import {
  AppliedSummary,
  ApplyContext,
  applyManifests,
} from '../delivery/applyManifests';

/**
 * The baseline's own server-side apply field manager. It labels namespaces that Flux,
 * hub:flux:install and hub:tenant:create own (as `hubspoke` or `kustomize-controller`):
 * under its own name its labels sit beside theirs, and a label another owner set to a
 * different value is a conflict instead of a silent overwrite.
 */
export const SECURITY_BASELINE_FIELD_MANAGER = 'hubspoke-security-baseline';

/** applyManifests under the baseline's field manager. */
export function applyAsSecurityBaseline(
  ctx: ApplyContext,
  kubeConfig: KubeConfig,
  manifests: KubernetesObject[],
  options: { dryRun: boolean; force: boolean; checkpointKey: string },
): Promise<AppliedSummary> {
  return applyManifests(ctx, kubeConfig, manifests, {
    ...options,
    fieldManager: SECURITY_BASELINE_FIELD_MANAGER,
  });
}

import { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import { ApplyContext, applyManifests } from './applyManifests';

/** Manifests for one cluster, applied in one checkpoint. */
export interface ClusterBatch {
  cluster: string;
  kubeConfig: KubeConfig;
  manifests: KubernetesObject[];
  checkpointKey: string;
}

export interface AppliedToClusters {
  objects: {
    cluster: string;
    kind: string;
    namespace?: string;
    name: string;
    action: string;
  }[];
  /** Per cluster, e.g. `eu-1: 4 created; hub: 2 created`. */
  summary: string;
}

/**
 * Applies (or dry-runs) batches one cluster after another, in the given order, so a
 * later batch can rely on an earlier one (a spoke's accounts before the hub objects
 * that impersonate them). Each object in the report says which cluster it is on.
 */
export async function applyToClusters(
  ctx: ApplyContext,
  batches: ClusterBatch[],
  options: { dryRun: boolean; force: boolean },
): Promise<AppliedToClusters> {
  const objects: AppliedToClusters['objects'] = [];
  const summaries: string[] = [];
  for (const batch of batches) {
    ctx.logger.info(
      `${options.dryRun ? 'dry run on' : 'applying to'} cluster ${
        batch.cluster
      }`,
    );
    const applied = await applyManifests(
      ctx,
      batch.kubeConfig,
      batch.manifests,
      {
        ...options,
        checkpointKey: batch.checkpointKey,
      },
    );
    objects.push(
      ...applied.objects.map(o => ({ cluster: batch.cluster, ...o })),
    );
    summaries.push(`${batch.cluster}: ${applied.summary}`);
  }
  return { objects, summary: summaries.join('; ') };
}

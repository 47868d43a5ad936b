import {
  MonitoringInput,
  monitoringNamespace,
  SecretManifest,
} from '@hubspoke/backstage-plugin-hub-common';
import { KubernetesObject } from '@kubernetes/client-node';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { ApplyContext, applyManifests } from '../delivery/applyManifests';

/**
 * Gitops mode: the Secrets made from task secrets never go into the repository, so they
 * are applied to the cluster directly, with the namespace they live in.
 */
export async function applyMonitoringSecrets(
  ctx: ApplyContext,
  clusters: ClusterConnector,
  input: MonitoringInput,
  secrets: SecretManifest[],
  options: { dryRun: boolean; force: boolean },
) {
  if (secrets.length === 0) {
    return;
  }
  ctx.logger.info(
    `the Secrets ${secrets
      .map(secret => `${secret.metadata.namespace}/${secret.metadata.name}`)
      .join(', ')} are not written to git; applying them to cluster ${
      input.cluster
    }`,
  );
  const cluster = await clusters.connect(input.cluster);
  await applyManifests(
    ctx,
    cluster.kubeConfig,
    [monitoringNamespace(input), ...secrets] as KubernetesObject[],
    {
      ...options,
      checkpointKey: `hub.monitoring.install.secrets.${input.cluster}.${input.namespace}`,
    },
  );
}

import { LoggerService } from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import {
  HubClusterConfig,
  HubspokeConfig,
  kubeConfigForCluster,
} from '@hubspoke/backstage-plugin-hub-node';
import { ClusterCache } from './ClusterCache';

/** One cache per configured cluster, with the refresh settings from config. */
export function createClusterCaches(
  config: HubspokeConfig,
  logger: LoggerService,
): ClusterCache[] {
  const clusters = [...(config.hub ? [config.hub] : []), ...config.spokes];
  return clusters.map(
    cluster =>
      new ClusterCache({
        name: cluster.name,
        role: cluster.role,
        kubeConfig: clientConfig(cluster),
        requestTimeoutMs: durationToMilliseconds(config.refresh.requestTimeout),
        resyncIntervalMs: durationToMilliseconds(config.refresh.resyncInterval),
        logger,
      }),
  );
}

/**
 * A cluster whose kubeconfig cannot be read is reported unreachable instead of stopping
 * the backend; the reason gives the error code only, not the file's path or content.
 */
function clientConfig(cluster: HubClusterConfig) {
  try {
    return kubeConfigForCluster(cluster);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      problem: `its client configuration could not be built${
        typeof code === 'string' ? ` (${code})` : ''
      }`,
    };
  }
}

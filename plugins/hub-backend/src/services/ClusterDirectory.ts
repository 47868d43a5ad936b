import { HubClusterSummary } from '@hubspoke/backstage-plugin-hub-common';
import {
  HubspokeConfig,
  clusterSummary,
} from '@hubspoke/backstage-plugin-hub-node';

/** The clusters the portal knows about, as the browser may see them. */
export interface ClusterDirectory {
  listClusters(): HubClusterSummary[];
}

export function createClusterDirectory(
  config: HubspokeConfig,
): ClusterDirectory {
  const clusters = [...(config.hub ? [config.hub] : []), ...config.spokes].map(
    clusterSummary,
  );
  return {
    listClusters: () => clusters,
  };
}

import { HubClusterSummary } from '@hubspoke/backstage-plugin-hub-common';
import { HubClusterConfig } from '../config/types';

/** What may be shown about a cluster outside the backend: no paths, tokens or CA material. */
export function clusterSummary(cluster: HubClusterConfig): HubClusterSummary {
  return {
    name: cluster.name,
    title: cluster.title,
    role: cluster.role,
    apiUrl: cluster.url,
    authType: cluster.auth.type,
  };
}

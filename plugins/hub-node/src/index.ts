/**
 * Node.js library shared by the Hubspoke backend plugin and scaffolder module:
 * the cluster config and connections to the hub and spoke clusters.
 *
 * @packageDocumentation
 */

export { readHubspokeConfig } from './config/readHubspokeConfig';
export type {
  HubClusterAuth,
  HubClusterConfig,
  HubspokeConfig,
} from './config/types';
export { kubeConfigForCluster } from './cluster/kubeConfigForCluster';
export { clusterSummary } from './cluster/clusterSummary';

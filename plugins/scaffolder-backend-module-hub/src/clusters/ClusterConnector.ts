import { InputError } from '@backstage/errors';
import {
  HubClusterConfig,
  HubspokeConfig,
  kubeConfigForCluster,
} from '@hubspoke/backstage-plugin-hub-node';
import { KubeConfig, VersionApi, VersionInfo } from '@kubernetes/client-node';

/** A configured cluster, ready to talk to. */
export interface ConnectedCluster {
  config: HubClusterConfig;
  kubeConfig: KubeConfig;
  version: VersionInfo;
}

/** Finds a configured cluster by name and checks that its API server answers. */
export interface ClusterConnector {
  /** The hub's name when the input names no cluster. */
  defaultClusterName(): string | undefined;
  find(name: string): HubClusterConfig;
  connect(name: string): Promise<ConnectedCluster>;
}

export function createClusterConnector(
  config: HubspokeConfig,
): ClusterConnector {
  const clusters = [...(config.hub ? [config.hub] : []), ...config.spokes];

  function find(name: string): HubClusterConfig {
    const cluster = clusters.find(c => c.name === name);
    if (!cluster) {
      const known = clusters.map(c => c.name).join(', ') || 'none';
      throw new InputError(
        `cluster: "${name}" is not configured (configured: ${known}); add it under hubspoke.hub or hubspoke.spokes`,
      );
    }
    return cluster;
  }

  return {
    defaultClusterName: () => config.hub?.name,
    find,
    async connect(name) {
      const cluster = find(name);
      const kubeConfig = kubeConfigForCluster(cluster);
      const server = kubeConfig.getCurrentCluster()?.server ?? 'its API server';
      try {
        const version = await kubeConfig.makeApiClient(VersionApi).getCode();
        return { config: cluster, kubeConfig, version };
      } catch (error) {
        throw new InputError(
          `cluster: "${name}" at ${server} is not reachable: ${
            (error as Error).message
          }`,
        );
      }
    },
  };
}

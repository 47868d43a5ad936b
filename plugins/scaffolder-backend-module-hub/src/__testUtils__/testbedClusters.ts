import { HubClusterConfig } from '@hubspoke/backstage-plugin-hub-node';
import {
  ClusterConnector,
  createClusterConnector,
} from '../clusters/ClusterConnector';

type TestCluster = Omit<HubClusterConfig, 'role' | 'skipTLSVerify'>;

/** A connector whose hub is `hub` (and spokes `spokes`), as readHubspokeConfig would return it. */
export function connectorForHub(
  hub: TestCluster,
  spokes: TestCluster[] = [],
): ClusterConnector {
  return createClusterConnector({
    hub: { role: 'hub', skipTLSVerify: false, ...hub },
    spokes: spokes.map(spoke => ({
      role: 'spoke',
      skipTLSVerify: false,
      ...spoke,
    })),
    refresh: {
      resyncInterval: { minutes: 5 },
      requestTimeout: { seconds: 10 },
    },
  });
}

/** The shared testbed as the hub, with its admin kubeconfig. */
export function adminConnector(kubeconfigPath: string): ClusterConnector {
  return connectorForHub({
    name: 'testbed',
    auth: { type: 'kubeconfig', kubeconfigPath },
  });
}

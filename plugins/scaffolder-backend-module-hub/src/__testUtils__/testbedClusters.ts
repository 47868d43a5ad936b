import { HubClusterConfig } from '@hubspoke/backstage-plugin-hub-node';
import {
  ClusterConnector,
  createClusterConnector,
} from '../clusters/ClusterConnector';

/** A connector whose hub is `hub`, as readHubspokeConfig would return it. */
export function connectorForHub(
  hub: Omit<HubClusterConfig, 'role' | 'skipTLSVerify'>,
): ClusterConnector {
  return createClusterConnector({
    hub: { role: 'hub', skipTLSVerify: false, ...hub },
    spokes: [],
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

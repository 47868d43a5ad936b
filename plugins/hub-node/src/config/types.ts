import { HumanDuration } from '@backstage/types';
import { HubClusterRole } from '@hubspoke/backstage-plugin-hub-common';

/** Credentials for one cluster, as read from config. Never serialised to a client. */
export type HubClusterAuth =
  | { type: 'kubeconfig'; kubeconfigPath: string; context?: string }
  | { type: 'serviceAccountToken'; token: string };

/** One cluster from the `hubspoke` config, validated. */
export interface HubClusterConfig {
  name: string;
  title?: string;
  role: HubClusterRole;
  url?: string;
  auth: HubClusterAuth;
  caFile?: string;
  caData?: string;
  skipTLSVerify: boolean;
}

/** The whole `hubspoke` config section, validated and with defaults applied. */
export interface HubspokeConfig {
  hub?: HubClusterConfig;
  spokes: HubClusterConfig[];
  refresh: {
    resyncInterval: HumanDuration;
    requestTimeout: HumanDuration;
  };
}

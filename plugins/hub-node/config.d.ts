import { HumanDuration } from '@backstage/types';

/** A cluster the hub backend and the scaffolder actions talk to. */
interface HubspokeClusterConfig {
  /**
   * Unique name of the cluster; a DNS-1123 label because it names namespaces and objects.
   */
  name: string;
  /** Display name shown in the portal. Defaults to the name. */
  title?: string;
  /**
   * URL of the cluster's API server, e.g. https://hub.example.com:6443.
   * Required with service-account token auth; with kubeconfig auth it overrides the file's server.
   */
  url?: string;
  /** How the backend authenticates to the API server. */
  auth:
    | {
        type: 'kubeconfig';
        /** Path of a kubeconfig file on the backend host. */
        kubeconfigPath: string;
        /** Context to use from the file. Defaults to the file's current-context. */
        context?: string;
      }
    | {
        type: 'serviceAccountToken';
        /**
         * Bearer token of a service account, normally from the environment: token: ${HUB_TOKEN}.
         * @visibility secret
         */
        token: string;
      };
  /** Path of a PEM file with the CA that signed the API server's certificate. */
  caFile?: string;
  /** Base64-encoded PEM of the CA that signed the API server's certificate. Exclusive with caFile. */
  caData?: string;
  /** Skip verification of the API server's certificate. Only for throw-away test clusters. */
  skipTLSVerify?: boolean;
}

export interface Config {
  /** Hubspoke: the hub cluster and the spoke clusters it manages through Flux. */
  hubspoke?: {
    /** The hub cluster, where Flux runs and reconciles the fleet. */
    hub?: HubspokeClusterConfig;
    /** Spoke clusters known statically; spokes registered through Hubspoke are discovered from the hub. */
    spokes?: HubspokeClusterConfig[];
    /** How often cluster state is refreshed, and how long a cluster may take to answer. */
    refresh?: {
      /**
       * Interval of the full re-read of each cluster's state.
       * A HumanDuration object or an ISO 8601 duration string. Default: 5 minutes.
       */
      resyncInterval?: HumanDuration | string;
      /**
       * Time after which a request to a cluster fails and the cluster is shown as unreachable.
       * A HumanDuration object or an ISO 8601 duration string. Default: 10 seconds.
       */
      requestTimeout?: HumanDuration | string;
    };
    /** How hub:backup:verify reaches the hub's etcd and the etcd tools. */
    backup?: {
      /** The etcd member to snapshot. Inputs of the action take precedence. */
      etcd?: {
        /** Client URL of one member, e.g. https://10.0.0.10:2379. */
        endpoint?: string;
        /** PEM file of the CA that signed etcd's certificates (e.g. /etc/kubernetes/pki/etcd/ca.crt). Set with certFile and keyFile. */
        caFile?: string;
        /** PEM file of an etcd client certificate. */
        certFile?: string;
        /** PEM file of the client certificate's key; the backend must be able to read it. */
        keyFile?: string;
      };
      /** Folder with the etcd, etcdctl and etcdutl binaries. Default: looked up on PATH. */
      etcdBinDir?: string;
      /** Folder where verification snapshots are kept. Default: <tmpdir>/hubspoke-etcd-snapshots. */
      snapshotDir?: string;
    };
  };
}

import { KubeConfig } from '@kubernetes/client-node';
import { TenantNamespace } from './tenantNamespaces';

/** How to reach etcd's own API, for the member list the Kubernetes API does not show. */
export interface EtcdClientConfig {
  /** Client URLs; https ones need the files below. */
  endpoints: string[];
  caFile?: string;
  certFile?: string;
  keyFile?: string;
}

export interface VerifyOptions {
  /** Name of the cluster, for the report. */
  cluster: string;
  kubeConfig: KubeConfig;
  /** Namespace of the Flux controllers (default flux-system). */
  fluxNamespace?: string;
  /** Recovery point objective: the oldest a last successful backup may be, in ms. */
  recoveryPointObjectiveMs: number;
  etcd?: EtcdClientConfig;
  /** The clock, for tests of ages. */
  now?: () => Date;
}

/** What each check gets: the options with defaults filled in. */
export interface VerifyContext extends Required<Omit<VerifyOptions, 'etcd'>> {
  etcd?: EtcdClientConfig;
  /** The tenant namespaces and their reconcilers, listed once per run for every check. */
  tenants(): Promise<TenantNamespace[]>;
}

import { KubeConfig } from '@kubernetes/client-node';
import { HubClusterConfig } from '../config/types';

/**
 * Builds the client configuration for one cluster from its validated config.
 * A kubeconfig file is read here, at call time, so rotated credentials are picked up.
 */
export function kubeConfigForCluster(cluster: HubClusterConfig): KubeConfig {
  const kubeConfig = new KubeConfig();
  if (cluster.auth.type === 'kubeconfig') {
    kubeConfig.loadFromFile(cluster.auth.kubeconfigPath);
    if (cluster.auth.context) {
      selectContext(kubeConfig, cluster.auth.context, cluster.name);
    }
    return withOverrides(kubeConfig, cluster);
  }
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url!,
        caFile: cluster.caFile,
        caData: cluster.caData,
        skipTLSVerify: cluster.skipTLSVerify,
      },
    ],
    users: [{ name: cluster.name, token: cluster.auth.token }],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: cluster.name },
    ],
    currentContext: cluster.name,
  });
  return kubeConfig;
}

function selectContext(
  kubeConfig: KubeConfig,
  context: string,
  clusterName: string,
) {
  if (!kubeConfig.getContextObject(context)) {
    const known = kubeConfig.getContexts().map(c => c.name);
    throw new Error(
      `cluster "${clusterName}": context "${context}" is not in its kubeconfig (it has: ${
        known.join(', ') || 'none'
      })`,
    );
  }
  kubeConfig.setCurrentContext(context);
}

/** Applies the url/CA/TLS settings from config on top of the kubeconfig's current cluster. */
function withOverrides(
  kubeConfig: KubeConfig,
  cluster: HubClusterConfig,
): KubeConfig {
  const current = kubeConfig.getCurrentCluster();
  if (!current) {
    throw new Error(
      `cluster "${cluster.name}": its kubeconfig has no current context with a cluster`,
    );
  }
  const hasOverride =
    cluster.url || cluster.caFile || cluster.caData || cluster.skipTLSVerify;
  if (!hasOverride) {
    return kubeConfig;
  }
  const overridden = {
    ...current,
    server: cluster.url ?? current.server,
    caFile: cluster.caData ? undefined : cluster.caFile ?? current.caFile,
    caData: cluster.caFile ? undefined : cluster.caData ?? current.caData,
    skipTLSVerify: cluster.skipTLSVerify || current.skipTLSVerify,
  };
  const context = kubeConfig.getContextObject(kubeConfig.getCurrentContext())!;
  kubeConfig.loadFromOptions({
    clusters: kubeConfig.clusters.map(c =>
      c.name === current.name ? overridden : c,
    ),
    users: kubeConfig.users,
    contexts: kubeConfig.contexts,
    currentContext: context.name,
  });
  return kubeConfig;
}

import { KubeConfig } from '@kubernetes/client-node';
import { TestbedState } from './types';

/** A copy of `kubeConfig` whose clusters all point at `server`, with the same credentials. */
export function kubeConfigForServer(
  kubeConfig: KubeConfig,
  server: string,
): KubeConfig {
  const copy = new KubeConfig();
  copy.loadFromOptions({
    clusters: kubeConfig.clusters.map(cluster => ({ ...cluster, server })),
    users: kubeConfig.users,
    contexts: kubeConfig.contexts,
    currentContext: kubeConfig.currentContext,
  });
  return copy;
}

/** A KubeConfig that authenticates with a bearer token, e.g. from the TokenRequest API. */
export function kubeConfigForToken(
  state: TestbedState,
  token: string,
  server: string = state.apiserverURLs[0],
): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'testbed', server, caFile: state.caFile }],
    users: [{ name: 'token', token }],
    contexts: [{ name: 'testbed', cluster: 'testbed', user: 'token' }],
    currentContext: 'testbed',
  });
  return kubeConfig;
}

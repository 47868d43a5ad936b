import { InputError } from '@backstage/errors';
import { KubeConfig, VersionApi, VersionInfo } from '@kubernetes/client-node';

const SPOKE_REACHABLE_TIMEOUT_MS = 10_000;

/** A spoke reached through the kubeconfig the hub will use for it. */
export interface SpokeConnection {
  kubeConfig: KubeConfig;
  version: VersionInfo;
}

/**
 * Loads the spoke's kubeconfig (the task secret `spokeKubeconfig`) and asks the
 * spoke's API server for its version. Messages never quote the kubeconfig: a
 * parser error would echo its credentials.
 */
export async function connectSpokeKubeconfig(
  kubeconfig: string,
): Promise<SpokeConnection> {
  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromString(kubeconfig);
  } catch {
    throw new InputError(
      'secrets.spokeKubeconfig: is not a kubeconfig (YAML or JSON with clusters, users and contexts)',
    );
  }
  const server = kubeConfig.getCurrentCluster()?.server;
  if (!server) {
    throw new InputError(
      'secrets.spokeKubeconfig: names no cluster in its current context; set current-context',
    );
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`no answer within ${SPOKE_REACHABLE_TIMEOUT_MS} ms`)),
      SPOKE_REACHABLE_TIMEOUT_MS,
    );
  });
  try {
    const version = await Promise.race([
      kubeConfig.makeApiClient(VersionApi).getCode(),
      timeout,
    ]);
    return { kubeConfig, version };
  } catch (error) {
    throw new InputError(
      `secrets.spokeKubeconfig: the spoke's API server at ${server} is not reachable: ${
        (error as Error).message
      }`,
    );
  } finally {
    clearTimeout(timer);
  }
}

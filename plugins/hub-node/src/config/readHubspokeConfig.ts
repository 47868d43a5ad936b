import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import {
  HubClusterRole,
  dns1123LabelProblem,
} from '@hubspoke/backstage-plugin-hub-common';
import { HubClusterAuth, HubClusterConfig, HubspokeConfig } from './types';

const DEFAULT_RESYNC_INTERVAL: HumanDuration = { minutes: 5 };
const DEFAULT_REQUEST_TIMEOUT: HumanDuration = { seconds: 10 };

/**
 * Reads and validates the `hubspoke` config section once, at start-up.
 * Errors name the config key and the rule it breaks.
 */
export function readHubspokeConfig(config: Config): HubspokeConfig {
  const section = config.getOptionalConfig('hubspoke');
  const hubConfig = section?.getOptionalConfig('hub');
  const hub = hubConfig
    ? readCluster(hubConfig, 'hub', 'hubspoke.hub')
    : undefined;
  const spokes = (section?.getOptionalConfigArray('spokes') ?? []).map(
    (spoke, index) => readCluster(spoke, 'spoke', `hubspoke.spokes[${index}]`),
  );
  assertUniqueNames(hub ? [hub, ...spokes] : spokes);

  const refresh = section?.getOptionalConfig('refresh');
  return {
    hub,
    spokes,
    refresh: {
      resyncInterval:
        readOptionalDuration(refresh, 'resyncInterval') ??
        DEFAULT_RESYNC_INTERVAL,
      requestTimeout:
        readOptionalDuration(refresh, 'requestTimeout') ??
        DEFAULT_REQUEST_TIMEOUT,
    },
  };
}

function readCluster(
  config: Config,
  role: HubClusterRole,
  path: string,
): HubClusterConfig {
  const name = config.getString('name');
  const nameProblem = dns1123LabelProblem(name);
  if (nameProblem) {
    throw new Error(`${path}.name "${name}" ${nameProblem}`);
  }
  const url = config.getOptionalString('url');
  if (url !== undefined) {
    assertApiUrl(url, `${path}.url`);
  }
  const auth = readAuth(config.getConfig('auth'), `${path}.auth`);
  if (auth.type === 'serviceAccountToken' && url === undefined) {
    throw new Error(
      `${path}.url is required when ${path}.auth.type is serviceAccountToken: a token names no API server`,
    );
  }
  const caFile = config.getOptionalString('caFile');
  const caData = config.getOptionalString('caData');
  if (caFile !== undefined && caData !== undefined) {
    throw new Error(`${path}: set caFile or caData, not both`);
  }
  return {
    name,
    title: config.getOptionalString('title'),
    role,
    url,
    auth,
    caFile,
    caData,
    skipTLSVerify: config.getOptionalBoolean('skipTLSVerify') ?? false,
  };
}

function readAuth(config: Config, path: string): HubClusterAuth {
  const type = config.getString('type');
  if (type === 'kubeconfig') {
    return {
      type,
      kubeconfigPath: config.getString('kubeconfigPath'),
      context: config.getOptionalString('context'),
    };
  }
  if (type === 'serviceAccountToken') {
    return { type, token: config.getString('token') };
  }
  throw new Error(
    `${path}.type "${type}" is not supported: use kubeconfig or serviceAccountToken`,
  );
}

function assertApiUrl(url: string, path: string) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${path} "${url}" is not a valid URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(
      `${path} "${url}" must use https (or http for a local proxy)`,
    );
  }
}

function assertUniqueNames(clusters: HubClusterConfig[]) {
  const seen = new Set<string>();
  for (const cluster of clusters) {
    if (seen.has(cluster.name)) {
      throw new Error(
        `hubspoke: cluster name "${cluster.name}" is used twice; the hub and every spoke need distinct names`,
      );
    }
    seen.add(cluster.name);
  }
}

function readOptionalDuration(
  config: Config | undefined,
  key: string,
): HumanDuration | undefined {
  return config?.has(key) ? readDurationFromConfig(config, { key }) : undefined;
}

import { InputError } from '@backstage/errors';
import { dns1123LabelProblem } from '@hubspoke/backstage-plugin-hub-common';
import {
  ClusterConnector,
  ConnectedCluster,
} from '../clusters/ClusterConnector';

/**
 * The name of the hub that reconciles spokes: the `hubCluster` input when given,
 * otherwise the hub configured under `hubspoke.hub`; undefined when neither exists.
 */
export function hubNameFor(
  clusters: ClusterConnector,
  hubCluster: string | undefined,
): string | undefined {
  if (hubCluster === undefined) {
    return clusters.defaultClusterName();
  }
  const problem = dns1123LabelProblem(hubCluster);
  if (problem) {
    throw new InputError(`hubCluster: ${problem}`);
  }
  return hubCluster;
}

/** {@link hubNameFor}, for actions that cannot go on without a hub. */
export function requireHubName(
  clusters: ClusterConnector,
  hubCluster: string | undefined,
): string {
  const hub = hubNameFor(clusters, hubCluster);
  if (!hub) {
    throw new InputError(
      'hubCluster: is required when no hub is configured under hubspoke.hub; name the hub that reconciles the spoke',
    );
  }
  return hub;
}

/**
 * Connects to the hub for apply mode, which writes only to the configured hub: a
 * `hubCluster` naming another cluster is refused rather than applied elsewhere.
 */
export async function connectHub(
  clusters: ClusterConnector,
  hub: string,
): Promise<ConnectedCluster> {
  const configured = clusters.defaultClusterName();
  if (!configured) {
    throw new InputError(
      'hubCluster: apply mode needs the hub configured under hubspoke.hub; configure it or use gitops mode',
    );
  }
  if (hub !== configured) {
    throw new InputError(
      `hubCluster: "${hub}" is not the configured hub "${configured}"; apply mode writes to the configured hub only, so leave hubCluster out or use gitops mode`,
    );
  }
  return clusters.connect(hub);
}

/**
 * For a tenant on `cluster`: the hub whose spoke that cluster is, or undefined when
 * the cluster is the hub itself. Without a known hub the two cannot be told apart.
 */
export function hubOfSpokeTenant(
  hub: string | undefined,
  cluster: string,
): string | undefined {
  if (!hub) {
    throw new InputError(
      `hubCluster: is required for a tenant on cluster "${cluster}" when no hub is configured under hubspoke.hub; name the hub (the cluster itself for a tenant on the hub)`,
    );
  }
  return cluster === hub ? undefined : hub;
}

import {
  buildSpokeAccountManifests,
  spokeClusterAdminBindingName,
  spokeKubeconfigSecretName,
  SPOKE_ACCOUNTS,
  SpokeInput,
  SpokeManifest,
} from '@hubspoke/backstage-plugin-hub-common';
import { KubernetesObject } from '@kubernetes/client-node';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { ApplyContext } from '../delivery/applyManifests';
import {
  AppliedToClusters,
  applyToClusters,
} from '../delivery/applyToClusters';
import { connectSpokeKubeconfig } from '../delivery/connectSpokeKubeconfig';
import { assertSpokeOwnsNamespace } from '../delivery/ownership';
import { connectHub } from '../delivery/resolveHub';

export interface DirectRegistration {
  spoke: SpokeInput;
  hub: string;
  kubeconfig: string;
  /** The spoke's objects for the hub: all of them (apply mode) or the credential-bound ones (gitops mode). */
  hubManifests: SpokeManifest[];
  dryRun: boolean;
  force: boolean;
}

export interface DirectlyRegistered extends AppliedToClusters {
  spokeVersion: string;
}

/**
 * Applies a spoke's objects that go straight to the clusters: its Flux accounts to
 * the spoke (through the spoke's kubeconfig), then `hubManifests` to the hub. The
 * accounts come first because the hub's Kustomizations impersonate them at once.
 */
export async function registerDirectly(
  ctx: ApplyContext,
  clusters: ClusterConnector,
  { spoke, hub, kubeconfig, hubManifests, dryRun, force }: DirectRegistration,
): Promise<DirectlyRegistered> {
  const hubCluster = await connectHub(clusters, hub);
  const spokeCluster = await connectSpokeKubeconfig(kubeconfig);
  const spokeVersion = spokeCluster.version.gitVersion;
  ctx.logger.info(`spoke ${spoke.name} answers: ${spokeVersion}`);
  await assertSpokeOwnsNamespace(hubCluster.kubeConfig, hub, spoke.name);
  await assertSpokeOwnsNamespace(
    spokeCluster.kubeConfig,
    spoke.name,
    spoke.name,
  );
  const applied = await applyToClusters(
    ctx,
    [
      {
        cluster: spoke.name,
        kubeConfig: spokeCluster.kubeConfig,
        manifests: buildSpokeAccountManifests(spoke, {
          hub,
        }) as KubernetesObject[],
        checkpointKey: `hub.spoke.register.${hub}.${spoke.name}.accounts`,
      },
      {
        cluster: hub,
        kubeConfig: hubCluster.kubeConfig,
        manifests: hubManifests as KubernetesObject[],
        checkpointKey: `hub.spoke.register.${hub}.${spoke.name}`,
      },
    ],
    { dryRun, force },
  );
  return { ...applied, spokeVersion };
}

/** What gitops mode cannot write to git and, without the spoke's kubeconfig, cannot apply. */
export function outOfBandInstructions(spoke: SpokeInput, hub: string): string {
  return [
    `create out of band, or rerun with the task secret spokeKubeconfig to have them applied:`,
    `on hub ${hub}, Secret ${spoke.name}/${spokeKubeconfigSecretName(
      spoke,
    )} with the spoke's kubeconfig under the key value;`,
    `on spoke ${spoke.name}, Namespace ${
      spoke.name
    } with the ServiceAccounts ${SPOKE_ACCOUNTS.join(
      ' and ',
    )}, and ClusterRoleBinding ${spokeClusterAdminBindingName(
      spoke,
      hub,
    )} binding ${SPOKE_ACCOUNTS[0]} to ClusterRole cluster-admin`,
  ].join(' ');
}

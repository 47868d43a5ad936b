import { addonObjects } from './addonReleases';
import {
  clusterApiCluster,
  infrastructureObjects,
  kubeadmControlPlane,
} from './clusterApiObjects';
import { ControlPlaneInput } from './controlPlaneInput';
import { ControlPlaneManifest } from './controlPlaneTypes';

/**
 * The API objects of a plan, for the hub: with Cluster API the Cluster, its
 * KubeadmControlPlane and the provider's objects, then the CNI and CSI releases.
 */
export function buildControlPlaneManifests(
  input: ControlPlaneInput,
): ControlPlaneManifest[] {
  const clusterApi =
    input.provider === 'cluster-api'
      ? [
          clusterApiCluster(input),
          kubeadmControlPlane(input),
          ...infrastructureObjects(input),
        ]
      : [];
  return [...clusterApi, ...addonObjects(input)];
}

import { KubernetesObject } from '@kubernetes/client-node';
import bundle from './cluster-api-crds-v1.14.2.json';

/** The Cluster API CRDs as generated from its Go module (scripts/generate-cluster-api-crds.mts). */
export interface ClusterApiCrds {
  version: string;
  module: string;
  /** The files of the module the CRDs come from. */
  files: string[];
  /** Cluster and KubeadmControlPlane, the kinds hub:controlplane:plan declares. */
  crds: KubernetesObject[];
}

/**
 * The CRDs of the Cluster API release whose v1beta2 API hub:controlplane:plan writes,
 * as the module holds them: before kustomize adds the conversion webhook that
 * `clusterctl init` installs them with.
 */
export function clusterApiCrds(): ClusterApiCrds {
  return bundle as unknown as ClusterApiCrds;
}

import { ApiServerFlag, KubeadmHostPathMount } from '../audit/kubeadmAudit';
import {
  HelmReleaseManifest,
  HelmRepositoryManifest,
  NamespacedObjectMeta,
} from '../manifests/types';

/** Minimal typed shapes of what hub:controlplane:plan writes, as written in YAML. */

/** The API server settings kubeadm v1beta4 and Cluster API v1beta2 spell alike. */
export interface ApiServerSettings {
  certSANs: string[];
  extraArgs: ApiServerFlag[];
  extraVolumes: KubeadmHostPathMount[];
}

export interface ExternalEtcd {
  endpoints: string[];
  caFile: string;
  certFile: string;
  keyFile: string;
}

export type EtcdSettings =
  | { local: { dataDir: string } }
  | { external: ExternalEtcd };

export interface KubeadmInitConfiguration {
  apiVersion: 'kubeadm.k8s.io/v1beta4';
  kind: 'InitConfiguration';
  nodeRegistration: { taints: KubeadmTaint[] };
}

export interface KubeadmTaint {
  key: string;
  effect: 'NoSchedule';
}

export interface KubeadmClusterConfiguration {
  apiVersion: 'kubeadm.k8s.io/v1beta4';
  kind: 'ClusterConfiguration';
  clusterName: string;
  kubernetesVersion: string;
  controlPlaneEndpoint: string;
  networking: { podSubnet: string; serviceSubnet: string; dnsDomain: string };
  etcd: EtcdSettings;
  apiServer: ApiServerSettings;
}

export interface KubeadmJoinConfiguration {
  apiVersion: 'kubeadm.k8s.io/v1beta4';
  kind: 'JoinConfiguration';
  controlPlane: Record<string, never>;
  discovery: { file: { kubeConfigPath: string } };
}

/** A v1beta2 object reference: group and kind, never a version. */
export interface ContractReference {
  apiGroup: string;
  kind: string;
  name: string;
}

export interface ClusterApiClusterManifest {
  apiVersion: 'cluster.x-k8s.io/v1beta2';
  kind: 'Cluster';
  metadata: NamespacedObjectMeta;
  spec: {
    clusterNetwork: {
      pods: { cidrBlocks: string[] };
      services: { cidrBlocks: string[] };
      serviceDomain: string;
    };
    controlPlaneEndpoint: { host: string; port: number };
    controlPlaneRef: ContractReference;
    infrastructureRef: ContractReference;
  };
}

/** A file cloud-init writes on every control-plane machine. */
export type KubeadmConfigFile = {
  path: string;
  owner: string;
  permissions: string;
} & (
  | { content: string }
  | { contentFrom: { secret: { name: string; key: string } } }
);

export interface KubeadmControlPlaneManifest {
  apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2';
  kind: 'KubeadmControlPlane';
  metadata: NamespacedObjectMeta;
  spec: {
    replicas: number;
    version: string;
    machineTemplate: { spec: { infrastructureRef: ContractReference } };
    kubeadmConfigSpec: {
      clusterConfiguration: {
        apiServer: ApiServerSettings;
        etcd: EtcdSettings;
      };
      files: KubeadmConfigFile[];
    };
  };
}

/** An infrastructure provider's object, as the user described it. */
export interface InfrastructureManifest {
  apiVersion: string;
  kind: string;
  metadata: NamespacedObjectMeta;
  spec: Record<string, unknown>;
}

export type ControlPlaneManifest =
  | ClusterApiClusterManifest
  | KubeadmControlPlaneManifest
  | InfrastructureManifest
  | HelmRepositoryManifest
  | HelmReleaseManifest;

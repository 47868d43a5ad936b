import { buildAuditPolicy } from '../audit/auditPolicy';
import { renderYamlDocument } from '../manifests/renderYaml';
import { apiServerSettings, etcdSettings } from './apiServerSettings';
import { ClusterApiPlanInput } from './controlPlaneInput';
import { controlPlaneMeta, controlPlaneName } from './controlPlaneMeta';
import {
  ClusterApiClusterManifest,
  InfrastructureManifest,
  KubeadmConfigFile,
  KubeadmControlPlaneManifest,
} from './controlPlaneTypes';

function groupOf(apiVersion: string): string {
  return apiVersion.slice(0, apiVersion.indexOf('/'));
}

export function clusterApiCluster(
  input: ClusterApiPlanInput,
): ClusterApiClusterManifest {
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'Cluster',
    metadata: controlPlaneMeta(input, input.name),
    spec: {
      clusterNetwork: {
        pods: { cidrBlocks: [input.networking.podSubnet] },
        services: { cidrBlocks: [input.networking.serviceSubnet] },
        serviceDomain: input.networking.dnsDomain,
      },
      controlPlaneEndpoint: input.controlPlaneEndpoint,
      controlPlaneRef: {
        apiGroup: 'controlplane.cluster.x-k8s.io',
        kind: 'KubeadmControlPlane',
        name: controlPlaneName(input),
      },
      infrastructureRef: {
        apiGroup: groupOf(input.infrastructure.apiVersion),
        kind: input.infrastructure.cluster.kind,
        name: input.name,
      },
    },
  };
}

/**
 * Files cloud-init writes on each machine before kubeadm runs. The EncryptionConfiguration
 * holds the key, so it comes from a Secret created out of band next to the
 * KubeadmControlPlane; the audit policy is hub:audit:configure's, written inline.
 */
function controlPlaneFiles(input: ClusterApiPlanInput): KubeadmConfigFile[] {
  return [
    {
      path: input.encryption.configFile,
      owner: 'root:root',
      permissions: '0600',
      contentFrom: {
        secret: {
          name: input.encryption.secretName,
          key: input.encryption.secretKey,
        },
      },
    },
    {
      path: input.audit.policyFile,
      owner: 'root:root',
      permissions: '0600',
      content: renderYamlDocument(buildAuditPolicy(input.audit)),
    },
  ];
}

export function kubeadmControlPlane(
  input: ClusterApiPlanInput,
): KubeadmControlPlaneManifest {
  return {
    apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
    kind: 'KubeadmControlPlane',
    metadata: controlPlaneMeta(input, controlPlaneName(input)),
    spec: {
      replicas: input.replicas,
      version: input.kubernetesVersion,
      machineTemplate: {
        spec: {
          infrastructureRef: {
            apiGroup: groupOf(input.infrastructure.apiVersion),
            kind: input.infrastructure.machineTemplate.kind,
            name: controlPlaneName(input),
          },
        },
      },
      kubeadmConfigSpec: {
        clusterConfiguration: {
          apiServer: apiServerSettings(input),
          etcd: etcdSettings(input),
        },
        files: controlPlaneFiles(input),
      },
    },
  };
}

/** The provider's cluster and the machine template the control-plane machines are made from. */
export function infrastructureObjects(
  input: ClusterApiPlanInput,
): InfrastructureManifest[] {
  const { apiVersion, cluster, machineTemplate } = input.infrastructure;
  return [
    {
      apiVersion,
      kind: cluster.kind,
      metadata: controlPlaneMeta(input, input.name),
      spec: cluster.spec,
    },
    {
      apiVersion,
      kind: machineTemplate.kind,
      metadata: controlPlaneMeta(input, controlPlaneName(input)),
      spec: machineTemplate.spec,
    },
  ];
}

import { apiServerSettings, etcdSettings } from './apiServerSettings';
import { KubeadmPlanInput } from './controlPlaneInput';
import {
  KubeadmClusterConfiguration,
  KubeadmInitConfiguration,
  KubeadmJoinConfiguration,
} from './controlPlaneTypes';

/** The first control-plane node's own settings: it keeps workloads off, as kubeadm does. */
export function kubeadmInitConfiguration(): KubeadmInitConfiguration {
  return {
    apiVersion: 'kubeadm.k8s.io/v1beta4',
    kind: 'InitConfiguration',
    nodeRegistration: {
      taints: [
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ],
    },
  };
}

/** The cluster-wide settings every control-plane node shares. */
export function kubeadmClusterConfiguration(
  input: KubeadmPlanInput,
): KubeadmClusterConfiguration {
  const { host, port } = input.controlPlaneEndpoint;
  return {
    apiVersion: 'kubeadm.k8s.io/v1beta4',
    kind: 'ClusterConfiguration',
    clusterName: input.name,
    kubernetesVersion: input.kubernetesVersion,
    controlPlaneEndpoint: `${host}:${port}`,
    networking: input.networking,
    etcd: etcdSettings(input),
    apiServer: apiServerSettings(input),
  };
}

/**
 * How the other control-plane nodes join. Discovery comes from a kubeconfig file on the
 * node: it carries a bootstrap token, a credential, so it is placed there out of band
 * (a token is also short-lived, so it would not belong in git anyway).
 */
export function kubeadmJoinConfiguration(
  input: KubeadmPlanInput,
): KubeadmJoinConfiguration {
  return {
    apiVersion: 'kubeadm.k8s.io/v1beta4',
    kind: 'JoinConfiguration',
    controlPlane: {},
    discovery: { file: { kubeConfigPath: input.joinDiscoveryFile } },
  };
}

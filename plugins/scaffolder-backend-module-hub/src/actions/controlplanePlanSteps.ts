import {
  clusterKubeconfigSecret,
  ControlPlaneInput,
  controlPlaneGitopsRoot,
  KUBEADM_DIR,
} from '@hubspoke/backstage-plugin-hub-common';

function kubeadmSteps(
  input: Extract<ControlPlaneInput, { provider: 'kubeadm' }>,
): string[] {
  const root = controlPlaneGitopsRoot(input);
  const etcdCa =
    input.etcd.type === 'stacked' ? ', etcd/ca.crt, etcd/ca.key' : '';
  return [
    `put the EncryptionConfiguration at ${input.encryption.configFile} on every control-plane node (the same file, mode 0600): it holds the encryption key, so it is not in git`,
    `put hub:audit:configure's policy at ${input.audit.policyFile} on every control-plane node`,
    ...(input.etcd.type === 'external'
      ? [
          `put the etcd CA and the API server's etcd client certificate at ${input.etcd.caFile}, ${input.etcd.certFile} and ${input.etcd.keyFile} on every control-plane node`,
        ]
      : []),
    `on the first node run kubeadm init --config ${root}/${KUBEADM_DIR}/init-configuration.yaml`,
    `copy /etc/kubernetes/pki/{ca.crt, ca.key, sa.key, sa.pub, front-proxy-ca.crt, front-proxy-ca.key${etcdCa}} to the other ${
      input.replicas - 1
    } control-plane nodes, and a kubeconfig for the endpoint with a bootstrap token (kubeadm token create) to ${
      input.joinDiscoveryFile
    }; then run kubeadm join --config ${root}/${KUBEADM_DIR}/join-control-plane.yaml on each`,
  ];
}

function clusterApiSteps(
  input: Extract<ControlPlaneInput, { provider: 'cluster-api' }>,
): string[] {
  return [
    `create the Secret ${input.encryption.secretName} with the EncryptionConfiguration under the key ${input.encryption.secretKey} in the namespace ${input.name} on the hub, out of band: it holds the encryption key, so it is not in git; Cluster API writes it to ${input.encryption.configFile} on every machine`,
    ...(input.etcd.type === 'external'
      ? [
          `create the Secrets ${input.name}-apiserver-etcd-client (tls.crt, tls.key) and ${input.name}-etcd (tls.crt, the etcd CA) in the namespace ${input.name}: Cluster API writes them to the etcd certificate paths`,
        ]
      : []),
  ];
}

/**
 * What the plan needs from people: the files that hold credentials, which are never
 * written to git, and the step that makes the hub reconcile the plan.
 */
export function controlPlanePlanSteps(input: ControlPlaneInput): string[] {
  const root = controlPlaneGitopsRoot(input);
  return [
    ...(input.provider === 'kubeadm'
      ? kubeadmSteps(input)
      : clusterApiSteps(input)),
    `reconcile ./${root} on the hub with a Flux Kustomization (e.g. hub:gitops:source with that path); the ${
      input.cni
    } release installs once the Secret ${clusterKubeconfigSecret(
      input,
    )} and the flux-cluster-admin account are in place (hub:spoke:register)`,
  ];
}

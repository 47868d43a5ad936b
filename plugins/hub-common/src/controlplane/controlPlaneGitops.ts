import { renderYamlDocument } from '../manifests/renderYaml';
import { ControlPlaneInput, KubeadmPlanInput } from './controlPlaneInput';
import { buildControlPlaneManifests } from './controlPlaneManifests';
import {
  kubeadmClusterConfiguration,
  kubeadmInitConfiguration,
  kubeadmJoinConfiguration,
} from './kubeadmConfiguration';

/** The fleet repository folder of a cluster's control plane plan. */
export function controlPlaneGitopsRoot(
  input: Pick<ControlPlaneInput, 'name'>,
): string {
  return `clusters/${input.name}/control-plane`;
}

/** The kubeadm files' folder inside the plan; kustomization.yaml does not list it. */
export const KUBEADM_DIR = 'kubeadm';

/** How each kubeadm file is used, as its first line says. */
const KUBEADM_USAGE = {
  init: '# kubeadm init --config init-configuration.yaml, on the first control-plane node',
  join: '# kubeadm join --config join-control-plane.yaml, on every other control-plane node',
};

function kubeadmFiles(input: KubeadmPlanInput): Record<string, string> {
  const init = renderYamlDocument(kubeadmInitConfiguration());
  const cluster = renderYamlDocument(kubeadmClusterConfiguration(input));
  const join = renderYamlDocument(kubeadmJoinConfiguration(input));
  return {
    [`${KUBEADM_DIR}/init-configuration.yaml`]: `${KUBEADM_USAGE.init}\n${init}---\n${cluster}`,
    [`${KUBEADM_DIR}/join-control-plane.yaml`]: `${KUBEADM_USAGE.join}\n${join}`,
  };
}

/**
 * The plan's files, keyed by path relative to the repository root: one file per API
 * object and a kustomization.yaml listing them, for a Kustomization on the hub; with
 * kubeadm also the configuration files for the control-plane hosts, which are not API
 * objects and so are left out of kustomization.yaml.
 */
export function controlPlaneGitopsFiles(
  input: ControlPlaneInput,
): Record<string, string> {
  const root = controlPlaneGitopsRoot(input);
  const files: Record<string, string> = {};
  const resources: string[] = [];
  for (const object of buildControlPlaneManifests(input)) {
    const name = `${object.kind.toLowerCase()}-${object.metadata.name}.yaml`;
    files[`${root}/${name}`] = renderYamlDocument(object);
    resources.push(name);
  }
  files[`${root}/kustomization.yaml`] = renderYamlDocument({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
  });
  if (input.provider === 'kubeadm') {
    for (const [path, content] of Object.entries(kubeadmFiles(input))) {
      files[`${root}/${path}`] = content;
    }
  }
  return files;
}

import { NamespacedObjectMeta } from '../manifests/types';
import { ControlPlaneInput } from './controlPlaneInput';

/** The name of the KubeadmControlPlane and of its machine template. */
export function controlPlaneName(
  input: Pick<ControlPlaneInput, 'name'>,
): string {
  return `${input.name}-control-plane`;
}

/**
 * The Secret with the new cluster's admin kubeconfig under the key `value`: Cluster API
 * writes it under this name, and hub:spoke:register names a spoke's the same way.
 */
export function clusterKubeconfigSecret(
  input: Pick<ControlPlaneInput, 'name'>,
): string {
  return `${input.name}-kubeconfig`;
}

/**
 * Metadata of every object the plan declares. They live on the hub in the namespace
 * named after the cluster: hub:spoke:register's namespace for the spoke, where Cluster
 * API writes the kubeconfig Secret and where Flux impersonates `flux-cluster-admin`.
 */
export function controlPlaneMeta(
  input: Pick<ControlPlaneInput, 'name'>,
  name: string,
): NamespacedObjectMeta {
  return {
    name,
    namespace: input.name,
    labels: {
      'app.kubernetes.io/managed-by': 'hubspoke',
      'hubspoke.io/cluster': input.name,
    },
  };
}

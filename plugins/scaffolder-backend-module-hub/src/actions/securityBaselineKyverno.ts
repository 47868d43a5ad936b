import { InputError } from '@backstage/errors';
import { ApiextensionsV1Api, KubeConfig } from '@kubernetes/client-node';

const CLUSTER_POLICY_CRD = 'clusterpolicies.kyverno.io';

/** Kyverno mode needs Kyverno's ClusterPolicy kind on the cluster; the baseline does not install Kyverno. */
export async function assertKyvernoInstalled(
  kubeConfig: KubeConfig,
  cluster: string,
): Promise<void> {
  try {
    await kubeConfig
      .makeApiClient(ApiextensionsV1Api)
      .readCustomResourceDefinition({ name: CLUSTER_POLICY_CRD });
  } catch (error) {
    if ((error as { code?: number }).code === 404) {
      throw new InputError(
        `admissionEngine: Kyverno is not installed on cluster "${cluster}" (no CustomResourceDefinition ${CLUSTER_POLICY_CRD}); install Kyverno first or choose ValidatingAdmissionPolicy`,
      );
    }
    throw error;
  }
}

import { clusterApiCrds } from './clusterApiCrds';

interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
}

describe('clusterApiCrds', () => {
  it('holds the Cluster and KubeadmControlPlane CRDs of Cluster API v1.14.2', () => {
    const { version, module, crds } = clusterApiCrds();

    expect(version).toBe('v1.14.2');
    expect(module).toBe('sigs.k8s.io/cluster-api@v1.14.2');
    expect(crds.map(crd => crd.metadata?.name)).toEqual([
      'clusters.cluster.x-k8s.io',
      'kubeadmcontrolplanes.controlplane.cluster.x-k8s.io',
    ]);
  });

  it('serves v1beta1 and v1beta2 and stores v1beta2, with no conversion of its own', () => {
    for (const crd of clusterApiCrds().crds as Array<Record<string, any>>) {
      const versions: CrdVersion[] = crd.spec.versions;
      expect(
        versions.map(({ name, served, storage }) => [name, served, storage]),
      ).toEqual([
        ['v1beta1', true, false],
        ['v1beta2', true, true],
      ]);
      expect(crd.spec.conversion).toBeUndefined();
    }
  });
});

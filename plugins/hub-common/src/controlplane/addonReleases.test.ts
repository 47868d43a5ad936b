import { addonObjects } from './addonReleases';
import { CNI_CHARTS, CSI_CHARTS } from './addonCharts';
import { parseControlPlaneInput } from './controlPlaneInput';

function plan(change: object = {}) {
  return parseControlPlaneInput({
    name: 'spoke-eu-1',
    provider: 'kubeadm',
    kubernetesVersion: 'v1.36.3',
    controlPlaneEndpoint: 'api.spoke-eu-1.example.com:6443',
    networking: { podSubnet: '10.200.0.0/16' },
    ...change,
  });
}

function names(objects: ReturnType<typeof addonObjects>) {
  return objects.map(o => `${o.kind}/${o.metadata.name}`);
}

describe('addonObjects', () => {
  it('installs Cilium from a pinned chart into the new cluster through its kubeconfig Secret', () => {
    const objects = addonObjects(plan());
    const [repository, release] = objects;

    expect(names(objects)).toEqual([
      'HelmRepository/cilium',
      'HelmRelease/cilium',
    ]);
    expect(repository.spec).toEqual({
      url: 'https://helm.cilium.io',
      interval: '1h',
    });
    expect(release.kind === 'HelmRelease' && release.spec).toMatchObject({
      chart: {
        spec: {
          chart: 'cilium',
          version: CNI_CHARTS.cilium.version,
          sourceRef: { kind: 'HelmRepository', name: 'cilium' },
        },
      },
      kubeConfig: {
        secretRef: { name: 'spoke-eu-1-kubeconfig', key: 'value' },
      },
      serviceAccountName: 'flux-cluster-admin',
      targetNamespace: 'kube-system',
      storageNamespace: 'kube-system',
      values: {
        ipam: { mode: 'kubernetes' },
        k8sServiceHost: 'api.spoke-eu-1.example.com',
        k8sServicePort: 6443,
      },
    });
  });

  it("gives Calico one IP pool over the plan's pod subnet", () => {
    const [, release] = addonObjects(plan({ cni: 'calico' }));

    expect(release.kind === 'HelmRelease' && release.spec).toMatchObject({
      chart: {
        spec: { chart: 'tigera-operator', version: CNI_CHARTS.calico.version },
      },
      targetNamespace: 'tigera-operator',
      values: {
        installation: {
          calicoNetwork: {
            ipPools: [expect.objectContaining({ cidr: '10.200.0.0/16' })],
          },
        },
      },
    });
  });

  it('adds the CSI driver after the CNI, with a default StorageClass on the NFS export', () => {
    const objects = addonObjects(
      plan({
        csi: {
          driver: 'nfs',
          server: 'nfs.example.com',
          share: '/exports/k8s',
        },
      }),
    );
    const csi = objects[3];

    expect(names(objects)).toEqual([
      'HelmRepository/cilium',
      'HelmRelease/cilium',
      'HelmRepository/csi-driver-nfs',
      'HelmRelease/csi-driver-nfs',
    ]);
    expect(csi.kind === 'HelmRelease' && csi.spec).toMatchObject({
      dependsOn: [{ name: 'cilium' }],
      chart: { spec: { version: CSI_CHARTS.nfs.version } },
      values: {
        storageClasses: [
          expect.objectContaining({
            parameters: { server: 'nfs.example.com', share: '/exports/k8s' },
            annotations: {
              'storageclass.kubernetes.io/is-default-class': 'true',
            },
          }),
        ],
      },
    });
  });

  it('pins every chart to an exact version', () => {
    for (const chart of [
      ...Object.values(CNI_CHARTS),
      ...Object.values(CSI_CHARTS),
    ]) {
      expect(chart.version).toMatch(/^v?\d+\.\d+\.\d+$/);
    }
  });
});

import { parse, parseAllDocuments } from 'yaml';
import { parseControlPlaneInput } from './controlPlaneInput';
import { controlPlaneGitopsFiles } from './controlPlaneGitops';

const kubeadm = {
  name: 'spoke-eu-1',
  provider: 'kubeadm',
  kubernetesVersion: 'v1.36.3',
  controlPlaneEndpoint: 'api.spoke-eu-1.example.com:6443',
  csi: { driver: 'aws-ebs' },
};

const root = 'clusters/spoke-eu-1/control-plane';

describe('controlPlaneGitopsFiles', () => {
  it('writes the kubeadm files beside the API objects, and lists only the API objects', () => {
    const files = controlPlaneGitopsFiles(parseControlPlaneInput(kubeadm));

    expect(Object.keys(files).sort()).toEqual([
      `${root}/helmrelease-aws-ebs-csi-driver.yaml`,
      `${root}/helmrelease-cilium.yaml`,
      `${root}/helmrepository-aws-ebs-csi-driver.yaml`,
      `${root}/helmrepository-cilium.yaml`,
      `${root}/kubeadm/init-configuration.yaml`,
      `${root}/kubeadm/join-control-plane.yaml`,
      `${root}/kustomization.yaml`,
    ]);
    expect(parse(files[`${root}/kustomization.yaml`]).resources).toEqual([
      'helmrepository-cilium.yaml',
      'helmrelease-cilium.yaml',
      'helmrepository-aws-ebs-csi-driver.yaml',
      'helmrelease-aws-ebs-csi-driver.yaml',
    ]);
    expect(
      parseAllDocuments(files[`${root}/kubeadm/init-configuration.yaml`]).map(
        d => d.toJS().kind,
      ),
    ).toEqual(['InitConfiguration', 'ClusterConfiguration']);
  });

  it('writes the Cluster API objects and lists them for the hub', () => {
    const files = controlPlaneGitopsFiles(
      parseControlPlaneInput({
        ...kubeadm,
        provider: 'cluster-api',
        csi: undefined,
        infrastructure: {
          apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
          cluster: { kind: 'DockerCluster' },
          machineTemplate: {
            kind: 'DockerMachineTemplate',
            spec: { template: { spec: {} } },
          },
        },
      }),
    );

    expect(parse(files[`${root}/kustomization.yaml`]).resources).toEqual([
      'cluster-spoke-eu-1.yaml',
      'kubeadmcontrolplane-spoke-eu-1-control-plane.yaml',
      'dockercluster-spoke-eu-1.yaml',
      'dockermachinetemplate-spoke-eu-1-control-plane.yaml',
      'helmrepository-cilium.yaml',
      'helmrelease-cilium.yaml',
    ]);
    expect(Object.keys(files).some(path => path.includes('/kubeadm/'))).toBe(
      false,
    );
  });
});

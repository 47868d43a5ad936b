import { buildAuditPolicy } from '../audit/auditPolicy';
import { renderYamlDocument } from '../manifests/renderYaml';
import {
  clusterApiCluster,
  infrastructureObjects,
  kubeadmControlPlane,
} from './clusterApiObjects';
import { parseControlPlaneInput } from './controlPlaneInput';

const infrastructure = {
  apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
  cluster: { kind: 'AWSCluster', spec: { region: 'eu-west-1' } },
  machineTemplate: {
    kind: 'AWSMachineTemplate',
    spec: { template: { spec: { instanceType: 'm6i.large' } } },
  },
};

function clusterApiPlan(change: object = {}) {
  const input = parseControlPlaneInput({
    name: 'spoke-eu-2',
    provider: 'cluster-api',
    kubernetesVersion: 'v1.36.3',
    controlPlaneEndpoint: 'api.spoke-eu-2.example.com:6443',
    replicas: 5,
    infrastructure,
    ...change,
  });
  if (input.provider !== 'cluster-api')
    throw new Error('not a Cluster API plan');
  return input;
}

describe('Cluster API objects', () => {
  it('ties the Cluster to its KubeadmControlPlane and the provider cluster, by v1beta2 references', () => {
    const input = clusterApiPlan();
    const cluster = clusterApiCluster(input);
    const [awsCluster, template] = infrastructureObjects(input);
    const controlPlane = kubeadmControlPlane(input);

    expect(cluster.metadata).toMatchObject({
      name: 'spoke-eu-2',
      namespace: 'spoke-eu-2',
    });
    expect(cluster.spec).toEqual({
      clusterNetwork: {
        pods: { cidrBlocks: ['10.244.0.0/16'] },
        services: { cidrBlocks: ['10.96.0.0/12'] },
        serviceDomain: 'cluster.local',
      },
      controlPlaneEndpoint: { host: 'api.spoke-eu-2.example.com', port: 6443 },
      controlPlaneRef: {
        apiGroup: 'controlplane.cluster.x-k8s.io',
        kind: controlPlane.kind,
        name: controlPlane.metadata.name,
      },
      infrastructureRef: {
        apiGroup: 'infrastructure.cluster.x-k8s.io',
        kind: awsCluster.kind,
        name: awsCluster.metadata.name,
      },
    });
    expect(controlPlane.spec.machineTemplate.spec.infrastructureRef).toEqual({
      apiGroup: 'infrastructure.cluster.x-k8s.io',
      kind: template.kind,
      name: template.metadata.name,
    });
    expect(template).toMatchObject({
      apiVersion: infrastructure.apiVersion,
      kind: 'AWSMachineTemplate',
      spec: infrastructure.machineTemplate.spec,
    });
  });

  it('asks for the replicas and version, with the same API server flags as kubeadm', () => {
    const { spec } = kubeadmControlPlane(clusterApiPlan());

    expect(spec.replicas).toBe(5);
    expect(spec.version).toBe('v1.36.3');
    expect(
      spec.kubeadmConfigSpec.clusterConfiguration.apiServer.extraArgs,
    ).toContainEqual({
      name: 'encryption-provider-config',
      value: '/etc/kubernetes/encryption/config.yaml',
    });
    expect(spec.kubeadmConfigSpec.clusterConfiguration.etcd).toEqual({
      local: { dataDir: '/var/lib/etcd' },
    });
  });

  it('takes the EncryptionConfiguration from a Secret and writes the audit policy inline', () => {
    const input = clusterApiPlan({
      audit: { tenantNamespaces: ['team-payments'] },
    });
    const { files } = kubeadmControlPlane(input).spec.kubeadmConfigSpec;

    expect(files).toEqual([
      {
        path: '/etc/kubernetes/encryption/config.yaml',
        owner: 'root:root',
        permissions: '0600',
        contentFrom: {
          secret: {
            name: 'spoke-eu-2-encryption-config',
            key: 'encryption-config.yaml',
          },
        },
      },
      {
        path: '/etc/kubernetes/audit/policy.yaml',
        owner: 'root:root',
        permissions: '0600',
        content: renderYamlDocument(buildAuditPolicy(input.audit)),
      },
    ]);
    expect(JSON.stringify(files)).toContain('team-payments');
  });
});

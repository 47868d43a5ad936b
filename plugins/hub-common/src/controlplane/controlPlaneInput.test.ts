import {
  ControlPlaneInputError,
  parseControlPlaneInput,
} from './controlPlaneInput';

const kubeadm = {
  name: 'spoke-eu-1',
  provider: 'kubeadm',
  kubernetesVersion: 'v1.36.3',
  controlPlaneEndpoint: 'api.spoke-eu-1.example.com:6443',
};

const infrastructure = {
  apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
  cluster: { kind: 'AWSCluster', spec: { region: 'eu-west-1' } },
  machineTemplate: {
    kind: 'AWSMachineTemplate',
    spec: { template: { spec: { instanceType: 'm6i.large' } } },
  },
};

const etcdMembers = [0, 1, 2].map(i => `https://etcd-${i}.example.com:2379`);

function problemsOf(raw: unknown): string[] {
  try {
    parseControlPlaneInput(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ControlPlaneInputError);
    return (error as ControlPlaneInputError).problems;
  }
  throw new Error('the input was accepted');
}

describe('parseControlPlaneInput', () => {
  it('fills the defaults of an HA kubeadm plan', () => {
    const input = parseControlPlaneInput(kubeadm);

    expect(input).toMatchObject({
      replicas: 3,
      controlPlaneEndpoint: { host: 'api.spoke-eu-1.example.com', port: 6443 },
      etcd: { type: 'stacked' },
      networking: {
        podSubnet: '10.244.0.0/16',
        serviceSubnet: '10.96.0.0/12',
        dnsDomain: 'cluster.local',
      },
      audit: {
        policyFile: '/etc/kubernetes/audit/policy.yaml',
        logPath: '/var/log/kubernetes/audit/audit.log',
      },
      encryption: { configFile: '/etc/kubernetes/encryption/config.yaml' },
      cni: 'cilium',
      joinDiscoveryFile: '/etc/kubernetes/discovery/bootstrap-kubeconfig.conf',
    });
    expect(input.csi).toBeUndefined();
  });

  it('names the encryption Secret of a Cluster API plan after the cluster', () => {
    const input = parseControlPlaneInput({
      ...kubeadm,
      provider: 'cluster-api',
      infrastructure,
    });

    expect(input.provider === 'cluster-api' && input.encryption).toEqual({
      configFile: '/etc/kubernetes/encryption/config.yaml',
      secretName: 'spoke-eu-1-encryption-config',
      secretKey: 'encryption-config.yaml',
    });
  });

  it.each([
    [{ replicas: 4 }, 'replicas: must be odd (3, 5 or 7)'],
    [{ replicas: 1 }, 'replicas: must be at least 3'],
    [{ replicas: 9 }, 'replicas: must be at most 7'],
    [
      { networking: { podSubnet: '10.96.0.0/16' } },
      'networking.serviceSubnet: must not overlap podSubnet 10.96.0.0/16',
    ],
    [
      {
        networking: { podSubnet: '10.0.0.0/8', serviceSubnet: '10.96.0.0/12' },
      },
      'networking.serviceSubnet: must not overlap podSubnet 10.0.0.0/8',
    ],
    [
      { controlPlaneEndpoint: 'api.spoke-eu-1.example.com' },
      "controlPlaneEndpoint: must be host:port with the load balancer's port",
    ],
    [
      { controlPlaneEndpoint: '10.96.0.10:6443' },
      'controlPlaneEndpoint: must not be an address in networking.serviceSubnet',
    ],
    [
      { etcd: { type: 'external', endpoints: etcdMembers.slice(0, 2) } },
      'etcd.endpoints: must list at least 3 etcd members',
    ],
    [
      {
        etcd: {
          type: 'external',
          endpoints: [
            ...etcdMembers.slice(0, 2),
            'http://etcd-2.example.com:2379',
          ],
        },
      },
      'etcd.endpoints.2: must be an https:// URL with host and port',
    ],
    [
      {
        etcd: { type: 'external', endpoints: [...etcdMembers, etcdMembers[0]] },
      },
      `etcd.endpoints.3: must not repeat ${etcdMembers[0]}`,
    ],
    [
      {
        etcd: { type: 'external', endpoints: etcdMembers, keyFile: 'etcd.key' },
      },
      'etcd.keyFile: must be an absolute file path',
    ],
    [{ etcd: { type: 'raft' } }, 'etcd.type: must be { type: stacked } or'],
    [
      { networking: { serviceSubnet: '10.0.0.0/8' } },
      'networking.serviceSubnet: must be a /12 to /28 network',
    ],
    [
      { networking: { podSubnet: '10.244.1.0/16' } },
      'networking.podSubnet: must be a network address',
    ],
    [
      { networking: { podSubnet: 'fd00::/48' } },
      'networking.podSubnet: must be an IPv4 CIDR',
    ],
    [
      { kubernetesVersion: 'v1.30.0' },
      'kubernetesVersion: must be a Kubernetes release v1.35.x or v1.36.x',
    ],
    [{ provider: 'eks' }, 'provider: must be one of kubeadm, cluster-api'],
    [{ cni: 'flannel' }, 'cni: must be one of cilium, calico'],
    [{ csi: { driver: 'nfs' } }, 'csi.server: is required'],
    [{ audit: { maxAgeDays: 0 } }, 'audit.maxAgeDays: must be at least 1'],
    [
      { encryption: { configFile: '/etc/kubernetes/audit/encryption.yaml' } },
      'encryption.configFile: must be in a folder of its own: /etc/kubernetes/audit is already mounted into the API server (audit.policyFile)',
    ],
    [
      { encryption: { configFile: '/etc/kubernetes/pki/encryption.yaml' } },
      'encryption.configFile: must be in a folder of its own: /etc/kubernetes/pki',
    ],
    [{ infrastructure }, 'infrastructure: is not a known field'],
  ])('refuses %j naming the field', (change, problem) => {
    expect(problemsOf({ ...kubeadm, ...change }).join('\n')).toContain(problem);
  });

  it('lists every problem at once', () => {
    expect(
      problemsOf({
        ...kubeadm,
        replicas: 2,
        controlPlaneEndpoint: 'api:http',
        name: 'Spoke',
      }),
    ).toEqual([
      expect.stringMatching(/^name: must consist of lower-case letters/),
      expect.stringMatching(/^controlPlaneEndpoint: must be host:port/),
      'replicas: must be at least 3 for a highly available control plane',
    ]);
  });

  it('requires the infrastructure of a Cluster API plan and checks its shape', () => {
    expect(problemsOf({ ...kubeadm, provider: 'cluster-api' })).toEqual([
      expect.stringMatching(
        /^infrastructure: must be an object with apiVersion/,
      ),
    ]);
    expect(
      problemsOf({
        ...kubeadm,
        provider: 'cluster-api',
        infrastructure: {
          apiVersion: 'v1beta2',
          cluster: { kind: 'AWSMachine' },
          machineTemplate: {
            kind: 'AWSMachineTemplate',
            spec: { instanceType: 'm6i.large' },
          },
        },
      }),
    ).toEqual([
      "infrastructure.apiVersion: must be the provider's group/version, e.g. infrastructure.cluster.x-k8s.io/v1beta2",
      "infrastructure.cluster.kind: must be the provider's Cluster kind, e.g. AWSCluster",
      expect.stringMatching(
        /^infrastructure\.machineTemplate\.spec\.template: must be an object with spec/,
      ),
    ]);
  });

  it('refuses a Cluster API plan whose audit policy would not fit in a KubeadmControlPlane file', () => {
    const tenantNamespaces = Array.from(
      { length: 400 },
      (_, i) => `tenant-namespace-${i}`,
    );
    expect(
      problemsOf({
        ...kubeadm,
        provider: 'cluster-api',
        infrastructure,
        audit: { tenantNamespaces },
      }),
    ).toEqual([
      expect.stringMatching(
        /^audit\.tenantNamespaces: must be short enough for the audit policy to fit in a KubeadmControlPlane file \(10240 characters, the policy has \d+\)/,
      ),
    ]);
  });

  it('refuses input that is not an object', () => {
    expect(problemsOf('spoke-eu-1')).toEqual([
      '(input): must be an object with provider, name, kubernetesVersion and controlPlaneEndpoint',
    ]);
  });
});

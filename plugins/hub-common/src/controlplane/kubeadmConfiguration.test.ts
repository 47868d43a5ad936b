import { apiServerAuditArgs } from '../audit/kubeadmAudit';
import { parseControlPlaneInput } from './controlPlaneInput';
import {
  kubeadmClusterConfiguration,
  kubeadmJoinConfiguration,
} from './kubeadmConfiguration';

const kubeadmPlanRaw = {
  name: 'hub-eu',
  provider: 'kubeadm',
  kubernetesVersion: 'v1.35.4',
  controlPlaneEndpoint: '192.0.2.10:8443',
};

function kubeadmPlan(change: object = {}) {
  const input = parseControlPlaneInput({ ...kubeadmPlanRaw, ...change });
  if (input.provider !== 'kubeadm') throw new Error('not a kubeadm plan');
  return input;
}

describe('kubeadm configuration', () => {
  it('puts the load balancer, version and subnets in the ClusterConfiguration', () => {
    const config = kubeadmClusterConfiguration(
      kubeadmPlan({
        networking: {
          podSubnet: '172.16.0.0/16',
          serviceSubnet: '172.20.0.0/16',
        },
      }),
    );

    expect(config).toMatchObject({
      clusterName: 'hub-eu',
      kubernetesVersion: 'v1.35.4',
      controlPlaneEndpoint: '192.0.2.10:8443',
      networking: {
        podSubnet: '172.16.0.0/16',
        serviceSubnet: '172.20.0.0/16',
        dnsDomain: 'cluster.local',
      },
      etcd: { local: { dataDir: '/var/lib/etcd' } },
    });
    expect(config.apiServer.certSANs).toEqual(['192.0.2.10']);
  });

  it("turns on hub:audit:configure's audit flags and encryption at rest, each folder mounted once", () => {
    const audit = {
      policyFile: '/srv/audit/policy.yaml',
      logPath: '/srv/audit-log/audit.log',
    };
    const { apiServer } = kubeadmClusterConfiguration(
      kubeadmPlan({
        audit,
        encryption: { configFile: '/srv/encryption/config.yaml' },
      }),
    );

    expect(
      apiServer.extraArgs.map(({ name, value }) => `--${name}=${value}`),
    ).toEqual([
      ...apiServerAuditArgs(
        parseControlPlaneInput({ ...kubeadmPlanRaw, audit }).audit,
      ),
      '--encryption-provider-config=/srv/encryption/config.yaml',
      '--encryption-provider-config-automatic-reload=true',
    ]);
    expect(
      apiServer.extraVolumes.map(v => [v.hostPath, v.mountPath, v.readOnly]),
    ).toEqual([
      ['/srv/audit', '/srv/audit', true],
      ['/srv/audit-log', '/srv/audit-log', false],
      ['/srv/encryption', '/srv/encryption', true],
    ]);
  });

  it('points at external etcd with its client certificate', () => {
    const endpoints = [0, 1, 2].map(i => `https://10.0.0.${i + 1}:2379`);
    const config = kubeadmClusterConfiguration(
      kubeadmPlan({
        etcd: { type: 'external', endpoints, keyFile: '/etc/etcd/client.key' },
      }),
    );

    expect(config.etcd).toEqual({
      external: {
        endpoints,
        caFile: '/etc/kubernetes/pki/etcd/ca.crt',
        certFile: '/etc/kubernetes/pki/apiserver-etcd-client.crt',
        keyFile: '/etc/etcd/client.key',
      },
    });
  });

  it('joins further control-plane nodes through a discovery file, never a token', () => {
    const join = kubeadmJoinConfiguration(
      kubeadmPlan({ joinDiscoveryFile: '/root/discovery.conf' }),
    );

    expect(join).toEqual({
      apiVersion: 'kubeadm.k8s.io/v1beta4',
      kind: 'JoinConfiguration',
      controlPlane: {},
      discovery: { file: { kubeConfigPath: '/root/discovery.conf' } },
    });
  });
});

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kustomizeBuild } from '../__testUtils__/kustomizeBuild';
import { listFiles } from '../__testUtils__/listFiles';
import { runAction } from '../__testUtils__/runAction';
import { createControlPlanePlanAction } from './controlplanePlan';

const action = createControlPlanePlanAction();

const kubeadmPlan = {
  name: 'spoke-eu-1',
  provider: 'kubeadm',
  kubernetesVersion: 'v1.36.3',
  controlPlaneEndpoint: 'api.spoke-eu-1.example.com:6443',
  csi: { driver: 'nfs', server: 'nfs.example.com', share: '/exports/k8s' },
  gitopsDir: 'fleet',
};

const root = 'fleet/clusters/spoke-eu-1/control-plane';

function workspace() {
  return mkdtemp(join(tmpdir(), 'hub-controlplane-'));
}

describe('hub:controlplane:plan', () => {
  it('writes a kubeadm plan into the fleet repository; kustomize builds only its API objects', async () => {
    const dir = await workspace();
    const { outputs } = await runAction(action, kubeadmPlan, {
      workspacePath: dir,
    });

    expect(await listFiles(dir)).toEqual([
      `${root}/helmrelease-cilium.yaml`,
      `${root}/helmrelease-csi-driver-nfs.yaml`,
      `${root}/helmrepository-cilium.yaml`,
      `${root}/helmrepository-csi-driver-nfs.yaml`,
      `${root}/kubeadm/init-configuration.yaml`,
      `${root}/kubeadm/join-control-plane.yaml`,
      `${root}/kustomization.yaml`,
    ]);
    expect(outputs.path).toBe('clusters/spoke-eu-1/control-plane');
    expect(outputs.summary).toBe('7 files written');
    expect(await kustomizeBuild(join(dir, root))).toEqual([
      'HelmRelease spoke-eu-1/cilium',
      'HelmRelease spoke-eu-1/csi-driver-nfs',
      'HelmRepository spoke-eu-1/cilium',
      'HelmRepository spoke-eu-1/csi-driver-nfs',
    ]);
  });

  it('says what must be placed out of band, and writes no key or credential to git', async () => {
    const dir = await workspace();
    const { outputs, logger } = await runAction(action, kubeadmPlan, {
      workspacePath: dir,
    });

    const steps: string[] = outputs.steps;
    expect(steps[0]).toMatch(
      /^put the EncryptionConfiguration at \/etc\/kubernetes\/encryption\/config\.yaml on every control-plane node/,
    );
    expect(steps.join('\n')).toContain(
      'a kubeconfig for the endpoint with a bootstrap token (kubeadm token create) to /etc/kubernetes/discovery/bootstrap-kubeconfig.conf',
    );
    expect(logger.info).toHaveBeenCalledWith(`1. ${steps[0]}`);
    for (const file of await listFiles(dir)) {
      const text = await readFile(join(dir, file), 'utf8');
      expect(text).not.toMatch(/kind: (Secret|EncryptionConfiguration)\b/);
      expect(text).not.toMatch(/token:|certificateKey/);
    }
  });

  it('names the Secret a Cluster API plan takes the EncryptionConfiguration from', async () => {
    const { outputs } = await runAction(
      action,
      {
        ...kubeadmPlan,
        provider: 'cluster-api',
        infrastructure: {
          apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
          cluster: { kind: 'DockerCluster' },
          machineTemplate: {
            kind: 'DockerMachineTemplate',
            spec: { template: { spec: {} } },
          },
        },
      },
      { workspacePath: await workspace() },
    );

    expect(outputs.steps[0]).toMatch(
      /^create the Secret spoke-eu-1-encryption-config with the EncryptionConfiguration under the key encryption-config\.yaml in the namespace spoke-eu-1 on the hub, out of band/,
    );
  });

  it('writes nothing in a dry run', async () => {
    const dir = await workspace();
    const { outputs } = await runAction(action, kubeadmPlan, {
      workspacePath: dir,
      isDryRun: true,
    });

    expect(outputs.summary).toBe('7 files to write (dry run)');
    expect(outputs.files).toContain(
      'clusters/spoke-eu-1/control-plane/kubeadm/init-configuration.yaml',
    );
    expect(await listFiles(dir)).toEqual([]);
  });

  it.each([
    [{ replicas: 4 }, /replicas: must be odd/],
    [{ replicas: 1 }, /replicas: must be at least 3/],
    [
      {
        networking: {
          podSubnet: '10.96.0.0/16',
          serviceSubnet: '10.96.0.0/12',
        },
      },
      /networking\.serviceSubnet: must not overlap podSubnet 10\.96\.0\.0\/16/,
    ],
    [
      { controlPlaneEndpoint: 'api.spoke-eu-1.example.com' },
      /controlPlaneEndpoint: must be host:port/,
    ],
    [
      {
        etcd: {
          type: 'external',
          endpoints: [
            'https://etcd-0.example.com:2379',
            'https://etcd-1.example.com:2379',
          ],
        },
      },
      /etcd\.endpoints: must list at least 3 etcd members/,
    ],
  ])(
    'refuses %j naming the field, before writing anything',
    async (change, problem) => {
      const dir = await workspace();
      await expect(
        runAction(
          action,
          { ...kubeadmPlan, ...change },
          { workspacePath: dir },
        ),
      ).rejects.toThrow(problem);
      expect(await listFiles(dir)).toEqual([]);
    },
  );
});

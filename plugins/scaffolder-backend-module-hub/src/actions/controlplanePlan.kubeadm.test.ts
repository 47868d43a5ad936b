import { testbedBinDir } from '@hubspoke/testbed';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments, stringify } from 'yaml';
import { runAction } from '../__testUtils__/runAction';
import { createControlPlanePlanAction } from './controlplanePlan';

const execFileAsync = promisify(execFile);
const action = createControlPlanePlanAction();
const kubeadm = join(testbedBinDir(), 'kubeadm');

const plan = {
  name: 'hub-eu',
  provider: 'kubeadm',
  kubernetesVersion: 'v1.36.3',
  controlPlaneEndpoint: 'api.hub-eu.example.com:6443',
};

/** Runs the real `kubeadm config validate` (v1.36.3, built by testbed/build.sh) on a file. */
async function kubeadmValidate(file: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(kubeadm, [
      'config',
      'validate',
      '--config',
      file,
    ]);
    return stdout.trim();
  } catch (error) {
    return `refused: ${(error as { stderr: string }).stderr}`;
  }
}

/** Writes a plan and returns the folder of its kubeadm files. */
async function writePlan(input: object): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hub-kubeadm-'));
  await runAction(action, input, { workspacePath: dir });
  return join(
    dir,
    `clusters/${(input as { name: string }).name}/control-plane/kubeadm`,
  );
}

describe('hub:controlplane:plan kubeadm files', () => {
  it('come from kubeadm v1.36.3', async () => {
    const { stdout } = await execFileAsync(kubeadm, ['version', '-o', 'short']);
    expect(stdout.trim()).toBe('v1.36.3');
  });

  it('pass kubeadm config validate: a stacked plan with the defaults', async () => {
    const dir = await writePlan(plan);

    expect(await kubeadmValidate(join(dir, 'init-configuration.yaml'))).toBe(
      'ok',
    );
  });

  it('pass kubeadm config validate: external etcd, five nodes, own subnets and host paths', async () => {
    const dir = await writePlan({
      ...plan,
      kubernetesVersion: 'v1.35.2',
      controlPlaneEndpoint: '192.0.2.10:8443',
      replicas: 5,
      etcd: {
        type: 'external',
        endpoints: [1, 2, 3].map(i => `https://192.0.2.${20 + i}:2379`),
        caFile: '/etc/etcd/pki/ca.crt',
        certFile: '/etc/etcd/pki/client.crt',
        keyFile: '/etc/etcd/pki/client.key',
      },
      networking: {
        podSubnet: '172.16.0.0/13',
        serviceSubnet: '172.24.0.0/16',
        dnsDomain: 'hub.internal',
      },
      audit: {
        policyFile: '/srv/audit/policy.yaml',
        logPath: '/srv/audit-log/audit.log',
      },
      encryption: { configFile: '/srv/encryption/config.yaml' },
    });

    expect(await kubeadmValidate(join(dir, 'init-configuration.yaml'))).toBe(
      'ok',
    );
  });

  it('pass kubeadm config validate: the join configuration, once its discovery file is on the node', async () => {
    const node = await mkdtemp(join(tmpdir(), 'hub-node-'));
    const discoveryFile = join(node, 'bootstrap-kubeconfig.conf');
    const dir = await writePlan({ ...plan, joinDiscoveryFile: discoveryFile });
    const joinFile = join(dir, 'join-control-plane.yaml');

    expect(await kubeadmValidate(joinFile)).toMatch(
      /^refused: .*discovery\.file\.kubeConfigPath: Invalid value: ".*bootstrap-kubeconfig\.conf": not a valid HTTPS URL or a file on disk/,
    );
    await writeFile(discoveryFile, '');
    expect(await kubeadmValidate(joinFile)).toBe('ok');
  });

  it.each([
    [
      'networking.serviceSubnet',
      '10.0.0.0/8',
      /networking\.serviceSubnet: Invalid value: "10\.0\.0\.0\/8": specified service subnet is too large/,
    ],
    [
      'networking.podSubnet',
      '10.244.0.0/26',
      /networking\.podSubnet: Invalid value: "10\.244\.0\.0\/26": .*smaller than the size of node subnet/,
    ],
    [
      'kubernetesVersion',
      'v1.34.0',
      /only supports deploying clusters with the control plane version >= 1\.35\.0/,
    ],
  ])(
    'are refused by kubeadm when %s breaks its rule, which the action refuses too',
    async (field, value, kubeadmProblem) => {
      const dir = await writePlan(plan);
      const file = join(dir, 'init-configuration.yaml');
      const [init, cluster] = parseAllDocuments(
        await readFile(file, 'utf8'),
      ).map(d => d.toJS());
      const path = field.split('.');
      const parent = path
        .slice(0, -1)
        .reduce((object, key) => object[key], cluster);
      parent[path[path.length - 1]] = value;
      await writeFile(file, `${stringify(init)}---\n${stringify(cluster)}`);

      expect(await kubeadmValidate(file)).toMatch(kubeadmProblem);
      const [group, key] = path.length === 2 ? path : [undefined, path[0]];
      await expect(
        runAction(
          action,
          group
            ? { ...plan, [group]: { [key]: value } }
            : { ...plan, [key]: value },
        ),
      ).rejects.toThrow(new RegExp(`${field.replace('.', '\\.')}: must`));
    },
  );
});

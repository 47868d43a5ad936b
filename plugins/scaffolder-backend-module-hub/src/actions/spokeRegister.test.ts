import { mockServices } from '@backstage/backend-test-utils';
import {
  apiErrorFrom,
  connectToTestbed,
  startTestbed,
  Testbed,
  uniqueName,
} from '@hubspoke/testbed';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { promises as fs } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles } from '../__testUtils__/listFiles';
import { runAction, RunActionOptions } from '../__testUtils__/runAction';
import { connectorForHub } from '../__testUtils__/testbedClusters';
import { createSpokeRegisterAction } from './spokeRegister';

jest.setTimeout(60_000);

const testbed = connectToTestbed();
const clusters = connectorForHub({
  name: 'hub',
  auth: { type: 'kubeconfig', kubeconfigPath: testbed.state.kubeconfig },
});
const core = testbed.kubeConfig.makeApiClient(CoreV1Api);
const custom = testbed.kubeConfig.makeApiClient(CustomObjectsApi);
const action = createSpokeRegisterAction({ clusters });
const createdNamespaces: string[] = [];

let spoke: Testbed;
let spokeKubeconfig: string;
let clientKey: string;

beforeAll(async () => {
  // A second control plane as the spoke: no nodes, no Flux of its own.
  spoke = await startTestbed({ nodes: 0 });
  spokeKubeconfig = await fs.readFile(spoke.state.kubeconfig, 'utf8');
  const keyData = spoke.kubeConfig().getCurrentUser()?.keyData;
  if (!keyData) {
    throw new Error("the spoke's admin kubeconfig has no client-key-data");
  }
  clientKey = keyData;
}, 300_000);

afterAll(async () => {
  await Promise.all(
    createdNamespaces.map(name =>
      core.deleteNamespace({ name }).catch(() => undefined),
    ),
  );
  await spoke?.stop();
}, 120_000);

function spokeInput(name: string, extra: object = {}) {
  return {
    name,
    sourceUrl: 'https://git.example.com/platform/fleet.git',
    sourceBranch: 'main',
    region: 'eu-west-1',
    labels: { 'example.com/tier': 'gold' },
    ...extra,
  };
}

async function run(input: object, options: RunActionOptions = {}) {
  const { outputs } = await runAction(action, input, {
    ...options,
    afterRun: expectNoKubeconfigIn,
  });
  return outputs;
}

/** Neither a log line nor an output may carry the spoke's credentials. */
function expectNoKubeconfigIn(
  logger: ReturnType<typeof mockServices.logger.mock>,
  output: jest.Mock,
) {
  const calls = [
    logger.debug,
    logger.info,
    logger.warn,
    logger.error,
    logger.child,
    output,
  ].flatMap(fn => (fn as jest.Mock).mock.calls);
  const text = JSON.stringify(calls);
  expect(text).not.toContain(clientKey);
  expect(text).not.toContain(Buffer.from(spokeKubeconfig).toString('base64'));
}

function kinds(objects: { kind: string }[]) {
  return objects.map(o => o.kind);
}

describe('hub:spoke:register in apply mode', () => {
  it('registers the spoke on the hub, and a second run changes nothing', async () => {
    const name = uniqueName('spoke');
    createdNamespaces.push(name);
    const secrets = { spokeKubeconfig };

    const first = await run(
      { ...spokeInput(name), mode: 'apply' },
      { secrets },
    );
    expect(first.namespace).toBe(name);
    expect(first.spokeVersion).toMatch(/^v1\.\d+/);
    expect(kinds(first.objects)).toEqual([
      'Namespace',
      'Secret',
      'GitRepository',
      'Kustomization',
      'Kustomization',
      'Kustomization',
      'Kustomization',
    ]);
    expect(
      first.objects.every((o: { action: string }) => o.action === 'create'),
    ).toBe(true);

    const namespace = await core.readNamespace({ name });
    expect(namespace.metadata?.labels).toMatchObject({
      'hubspoke.io/spoke': name,
      'hubspoke.io/region': 'eu-west-1',
      'example.com/tier': 'gold',
      'app.kubernetes.io/managed-by': 'hubspoke',
    });
    const secret = await core.readNamespacedSecret({
      name: `${name}-kubeconfig`,
      namespace: name,
    });
    expect(Buffer.from(secret.data!.value, 'base64').toString('utf8')).toBe(
      spokeKubeconfig,
    );
    const source = (await custom.getNamespacedCustomObject({
      group: 'source.toolkit.fluxcd.io',
      version: 'v1',
      namespace: name,
      plural: 'gitrepositories',
      name: 'flux-system',
    })) as { spec: object };
    expect(source.spec).toMatchObject({
      url: 'https://git.example.com/platform/fleet.git',
      ref: { branch: 'main' },
    });
    // Read back: fields the Flux CRD schema does not know would have been pruned.
    const apps = (await custom.getNamespacedCustomObject({
      group: 'kustomize.toolkit.fluxcd.io',
      version: 'v1',
      namespace: name,
      plural: 'kustomizations',
      name: `${name}-apps`,
    })) as { spec: object };
    expect(apps.spec).toMatchObject({
      dependsOn: [{ name: `${name}-infra-configs` }],
      kubeConfig: { secretRef: { name: `${name}-kubeconfig` } },
      path: `./clusters/${name}/apps`,
      postBuild: {
        substitute: { CLUSTER_NAME: name, CLUSTER_REGION: 'eu-west-1' },
      },
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
    });

    const second = await run(
      { ...spokeInput(name), mode: 'apply' },
      { secrets },
    );
    expect(
      second.objects.filter(
        (o: { action: string }) => o.action !== 'unchanged',
      ),
    ).toEqual([]);
    expect(second.summary).toMatch(/unchanged/);
  });

  it('writes nothing in a dry run and reports what it would create', async () => {
    const name = uniqueName('spoke-dry');
    createdNamespaces.push(name);
    const outputs = await run(
      { ...spokeInput(name), mode: 'apply' },
      { isDryRun: true, secrets: { spokeKubeconfig } },
    );

    expect(outputs.objects).toHaveLength(7);
    expect(
      outputs.objects.every((o: { action: string }) => o.action === 'create'),
    ).toBe(true);
    expect((await apiErrorFrom(core.readNamespace({ name }))).code).toBe(404);
  });

  it('refuses a spoke whose API server does not answer, before touching the hub', async () => {
    const name = uniqueName('spoke-gone');
    createdNamespaces.push(name);
    // Port 1 on loopback: nothing listens there, so the connection is refused.
    const unreachable = spokeKubeconfig.replace(
      /https:\/\/127\.0\.0\.1:\d+/,
      'https://127.0.0.1:1',
    );
    expect(unreachable).not.toBe(spokeKubeconfig);

    await expect(
      run(
        { ...spokeInput(name), mode: 'apply' },
        { secrets: { spokeKubeconfig: unreachable } },
      ),
    ).rejects.toThrow(
      /^secrets\.spokeKubeconfig: the spoke's API server at https:\/\/127\.0\.0\.1:1 is not reachable: .+/,
    );
    expect((await apiErrorFrom(core.readNamespace({ name }))).code).toBe(404);
  });

  it('names the missing secret', async () => {
    await expect(
      run({ ...spokeInput(uniqueName('spoke')), mode: 'apply' }),
    ).rejects.toThrow(
      "secrets.spokeKubeconfig: is required in apply mode; pass the spoke's kubeconfig as the task secret spokeKubeconfig",
    );
  });

  it('does not echo a kubeconfig it cannot parse', async () => {
    await expect(
      run(
        { ...spokeInput(uniqueName('spoke')), mode: 'apply' },
        { secrets: { spokeKubeconfig: `{ "users": [ ${clientKey}` } },
      ),
    ).rejects.toThrow(
      /^secrets\.spokeKubeconfig: is not a kubeconfig \(YAML or JSON with clusters, users and contexts\)$/,
    );
  });

  it('rejects an invalid spoke before talking to any cluster', async () => {
    await expect(
      run(
        {
          ...spokeInput('EU_1'),
          sourceUrl: 'git@host:fleet.git',
          mode: 'apply',
        },
        { secrets: { spokeKubeconfig } },
      ),
    ).rejects.toThrow(
      /name: must consist of lower-case letters.*; sourceUrl: must be an http\(s\):\/\/ or ssh:\/\/ Git URL/,
    );
  });
});

describe('hub:spoke:register in gitops mode', () => {
  it('writes the spoke under clusters/hub/spokes without its kubeconfig, idempotently', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-spoke-'));
    const input = { ...spokeInput('eu-1'), mode: 'gitops', gitopsDir: 'fleet' };

    await run(input, { workspacePath, secrets: { spokeKubeconfig } });
    const outputs = await run(input, { workspacePath });

    const files = await listFiles(workspacePath);
    expect(files).toMatchSnapshot();
    expect(outputs.files).toContain(
      'fleet/clusters/hub/spokes/kustomization.yaml',
    );
    expect(
      await fs.readFile(
        join(workspacePath, 'fleet/clusters/hub/spokes/kustomization.yaml'),
        'utf8',
      ),
    ).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - eu-1\n',
    );
    const contents = await Promise.all(
      files.map(file => fs.readFile(join(workspacePath, file), 'utf8')),
    );
    expect(contents.join('\n')).not.toMatch(/kind: Secret/);
  });

  it('writes nothing in a dry run', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-spoke-'));
    const outputs = await run(
      { ...spokeInput('us-2'), mode: 'gitops' },
      { workspacePath, isDryRun: true },
    );

    expect(outputs.files).toContain(
      'clusters/hub/spokes/us-2/kustomization-us-2-apps.yaml',
    );
    expect(await listFiles(workspacePath)).toEqual([]);
  });
});

import { apiErrorFrom, connectToTestbed, uniqueName } from '@hubspoke/testbed';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  RbacAuthorizationV1Api,
} from '@kubernetes/client-node';
import { promises as fs } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClusterConnector } from '../clusters/ClusterConnector';
import { listFiles } from '../__testUtils__/listFiles';
import { runAction, RunActionOptions } from '../__testUtils__/runAction';
import {
  expectNoKubeconfigIn,
  useSpokeTestbed,
} from '../__testUtils__/spokeTestbed';
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
const spoke = useSpokeTestbed();
const createdNamespaces: string[] = [];

afterAll(async () => {
  await Promise.all(
    createdNamespaces.map(name =>
      core.deleteNamespace({ name }).catch(() => undefined),
    ),
  );
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

async function runWith(
  registerAction: typeof action,
  input: object,
  options: RunActionOptions = {},
) {
  return runAction(registerAction, input, {
    ...options,
    afterRun: (logger, output) => expectNoKubeconfigIn(spoke, logger, output),
  });
}

async function run(input: object, options: RunActionOptions = {}) {
  return (await runWith(action, input, options)).outputs;
}

function ids(objects: { cluster: string; kind: string; name: string }[]) {
  return objects.map(o => `${o.cluster} ${o.kind}/${o.name}`);
}

function found(read: Promise<unknown>): Promise<boolean> {
  return read.then(
    () => true,
    error => {
      if ((error as { code?: number }).code === 404) return false;
      throw error;
    },
  );
}

/** Which of the spoke's accounts and its cluster-admin binding a cluster has. */
async function accountsOn(kubeConfig: KubeConfig, name: string) {
  const coreApi = kubeConfig.makeApiClient(CoreV1Api);
  const rbac = kubeConfig.makeApiClient(RbacAuthorizationV1Api);
  const binding = `hubspoke:hub:${name}:flux-cluster-admin`;
  const candidates: Array<[string, () => Promise<unknown>]> = [
    ...['flux-cluster-admin', 'flux-restricted'].map(
      (account): [string, () => Promise<unknown>] => [
        `${name}/${account}`,
        () =>
          coreApi.readNamespacedServiceAccount({
            name: account,
            namespace: name,
          }),
      ],
    ),
    [binding, () => rbac.readClusterRoleBinding({ name: binding })],
  ];
  const present: string[] = [];
  for (const [id, read] of candidates) {
    if (await found(read())) present.push(id);
  }
  return present;
}

describe('hub:spoke:register in apply mode', () => {
  it('puts the accounts on the spoke and the rest on the hub, and a second run changes nothing', async () => {
    const name = uniqueName('spoke');
    createdNamespaces.push(name);
    const secrets = { spokeKubeconfig: spoke.kubeconfig };

    const first = await run(
      { ...spokeInput(name), mode: 'apply' },
      { secrets },
    );
    expect(first.namespace).toBe(name);
    expect(first.spokeVersion).toMatch(/^v1\.\d+/);
    expect(ids(first.objects)).toEqual([
      `${name} Namespace/${name}`,
      `${name} ClusterRoleBinding/hubspoke:hub:${name}:flux-cluster-admin`,
      `${name} ServiceAccount/flux-cluster-admin`,
      `${name} ServiceAccount/flux-restricted`,
      `hub Namespace/${name}`,
      `hub Secret/${name}-kubeconfig`,
      `hub GitRepository/flux-system`,
      `hub Kustomization/${name}-tenants`,
      `hub Kustomization/${name}-infra-controllers`,
      `hub Kustomization/${name}-infra-configs`,
      `hub Kustomization/${name}-apps`,
    ]);
    expect(
      first.objects.every((o: { action: string }) => o.action === 'create'),
    ).toBe(true);

    const spokeConfig = spoke.testbed.kubeConfig();
    expect(await accountsOn(spokeConfig, name)).toEqual([
      `${name}/flux-cluster-admin`,
      `${name}/flux-restricted`,
      `hubspoke:hub:${name}:flux-cluster-admin`,
    ]);
    expect(await accountsOn(testbed.kubeConfig, name)).toEqual([]);
    const binding = await spokeConfig
      .makeApiClient(RbacAuthorizationV1Api)
      .readClusterRoleBinding({
        name: `hubspoke:hub:${name}:flux-cluster-admin`,
      });
    expect(binding.roleRef.name).toBe('cluster-admin');
    expect(binding.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'flux-cluster-admin', namespace: name },
    ]);

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
      spoke.kubeconfig,
    );
    // Read back: fields the Flux CRD schema does not know would have been pruned.
    const layer = (layerName: string) =>
      custom.getNamespacedCustomObject({
        group: 'kustomize.toolkit.fluxcd.io',
        version: 'v1',
        namespace: name,
        plural: 'kustomizations',
        name: `${name}-${layerName}`,
      }) as Promise<{ spec: object }>;
    expect((await layer('apps')).spec).toMatchObject({
      dependsOn: [{ name: `${name}-infra-configs` }],
      kubeConfig: { secretRef: { name: `${name}-kubeconfig` } },
      path: `./clusters/${name}/apps`,
      postBuild: {
        substitute: { CLUSTER_NAME: name, CLUSTER_REGION: 'eu-west-1' },
      },
      serviceAccountName: 'flux-restricted',
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
    });
    expect((await layer('tenants')).spec).toMatchObject({
      serviceAccountName: 'flux-cluster-admin',
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
    expect(second.summary).toBe(
      `${name}: 0 created, 0 updated, 4 unchanged; hub: 0 created, 0 updated, 7 unchanged`,
    );
  });

  it('writes nothing on either cluster in a dry run and reports what it would create', async () => {
    const name = uniqueName('spoke-dry');
    createdNamespaces.push(name);
    const outputs = await run(
      { ...spokeInput(name), mode: 'apply' },
      { isDryRun: true, secrets: { spokeKubeconfig: spoke.kubeconfig } },
    );

    expect(outputs.objects).toHaveLength(11);
    expect(
      outputs.objects.every((o: { action: string }) => o.action === 'create'),
    ).toBe(true);
    expect((await apiErrorFrom(core.readNamespace({ name }))).code).toBe(404);
    expect(
      (
        await apiErrorFrom(
          spoke.testbed
            .kubeConfig()
            .makeApiClient(CoreV1Api)
            .readNamespace({ name }),
        )
      ).code,
    ).toBe(404);
  });

  it('refuses a spoke namespace on the spoke that belongs to something else', async () => {
    const name = uniqueName('spoke-taken');
    createdNamespaces.push(name);
    await spoke.testbed
      .kubeConfig()
      .makeApiClient(CoreV1Api)
      .createNamespace({ body: { metadata: { name } } });

    await expect(
      run(
        { ...spokeInput(name), mode: 'apply' },
        { secrets: { spokeKubeconfig: spoke.kubeconfig } },
      ),
    ).rejects.toThrow(
      `name: namespace "${name}" on cluster "${name}" already exists and belongs to something other than Hubspoke; choose another spoke name`,
    );
    expect((await apiErrorFrom(core.readNamespace({ name }))).code).toBe(404);
  });

  it('refuses a spoke whose API server does not answer, before touching the hub', async () => {
    const name = uniqueName('spoke-gone');
    createdNamespaces.push(name);
    // Port 1 on loopback: nothing listens there, so the connection is refused.
    const unreachable = spoke.kubeconfig.replace(
      /https:\/\/127\.0\.0\.1:\d+/,
      'https://127.0.0.1:1',
    );
    expect(unreachable).not.toBe(spoke.kubeconfig);

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
        { secrets: { spokeKubeconfig: `{ "users": [ ${spoke.clientKey}` } },
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
          serviceAccounts: { apps: 'cluster-admin' },
          mode: 'apply',
        },
        { secrets: { spokeKubeconfig: spoke.kubeconfig } },
      ),
    ).rejects.toThrow(
      /name: must consist of lower-case letters.*; sourceUrl: must be an http\(s\):\/\/ or ssh:\/\/ Git URL.*; serviceAccounts\.apps: must be one of flux-cluster-admin, flux-restricted/,
    );
  });

  it('applies to the configured hub only', async () => {
    await expect(
      run(
        {
          ...spokeInput(uniqueName('spoke')),
          hubCluster: 'other',
          mode: 'apply',
        },
        { secrets: { spokeKubeconfig: spoke.kubeconfig } },
      ),
    ).rejects.toThrow(
      'hubCluster: "other" is not the configured hub "hub"; apply mode writes to the configured hub only, so leave hubCluster out or use gitops mode',
    );
  });
});

describe('hub:spoke:register in gitops mode', () => {
  it('writes the spoke under clusters/<hub>/spokes, idempotently, and says what to create out of band', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-spoke-'));
    const input = { ...spokeInput('eu-1'), mode: 'gitops', gitopsDir: 'fleet' };

    await run(input, { workspacePath });
    const { outputs, logger } = await runWith(action, input, { workspacePath });

    const files = await listFiles(workspacePath);
    expect(files).toMatchSnapshot();
    expect(outputs.files).toEqual(
      expect.arrayContaining([
        'fleet/clusters/hub/spokes/kustomization.yaml',
        'fleet/clusters/hub/spokes/eu-1/tenants/kustomization.yaml',
      ]),
    );
    const read = (path: string) =>
      fs.readFile(join(workspacePath, 'fleet', path), 'utf8');
    expect(await read('clusters/hub/spokes/kustomization.yaml')).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - eu-1\n',
    );
    expect(
      await read('clusters/hub/spokes/eu-1/tenants/kustomization.yaml'),
    ).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n',
    );
    const contents = await Promise.all(
      files.map(file => fs.readFile(join(workspacePath, file), 'utf8')),
    );
    expect(contents.join('\n')).not.toMatch(
      /kind: (Secret|ServiceAccount|ClusterRoleBinding)/,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      "the spoke's kubeconfig Secret and its Flux accounts are not written to git; create out of band, or rerun with the task secret spokeKubeconfig to have them applied: on hub hub, Secret eu-1/eu-1-kubeconfig with the spoke's kubeconfig under the key value; on spoke eu-1, Namespace eu-1 with the ServiceAccounts flux-cluster-admin and flux-restricted, and ClusterRoleBinding hubspoke:hub:eu-1:flux-cluster-admin binding flux-cluster-admin to ClusterRole cluster-admin",
    );
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'the accounts on spoke eu-1:\napiVersion: v1\nkind: Namespace\n',
      ),
    );
  });

  it('applies the kubeconfig Secret to the hub and the accounts to the spoke when given the kubeconfig, writing neither to git', async () => {
    const name = uniqueName('spoke-git');
    createdNamespaces.push(name);
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-spoke-'));

    const { outputs, logger } = await runWith(
      action,
      { ...spokeInput(name), mode: 'gitops' },
      { workspacePath, secrets: { spokeKubeconfig: spoke.kubeconfig } },
    );

    expect(ids(outputs.objects)).toEqual([
      `${name} Namespace/${name}`,
      `${name} ClusterRoleBinding/hubspoke:hub:${name}:flux-cluster-admin`,
      `${name} ServiceAccount/flux-cluster-admin`,
      `${name} ServiceAccount/flux-restricted`,
      `hub Namespace/${name}`,
      `hub Secret/${name}-kubeconfig`,
    ]);
    expect(outputs.summary).toBe(
      `13 files written; ${name}: 4 created, 0 updated, 0 unchanged; hub: 2 created, 0 updated, 0 unchanged`,
    );
    expect(logger.info).toHaveBeenCalledWith(
      `applying directly, not writing to git: the kubeconfig Secret (with its namespace) to hub hub and the Flux accounts to spoke ${name}`,
    );
    expect(await accountsOn(spoke.testbed.kubeConfig(), name)).toHaveLength(3);
    const secret = await core.readNamespacedSecret({
      name: `${name}-kubeconfig`,
      namespace: name,
    });
    expect(Buffer.from(secret.data!.value, 'base64').toString('utf8')).toBe(
      spoke.kubeconfig,
    );
    const files = await listFiles(workspacePath);
    const contents = await Promise.all(
      files.map(file => fs.readFile(join(workspacePath, file), 'utf8')),
    );
    expect(contents.join('\n')).not.toMatch(/kind: (Secret|ServiceAccount)/);
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

  it('names the hub folder after hubCluster, and asks for it when no hub is configured', async () => {
    const noHub = createSpokeRegisterAction({
      clusters: createClusterConnector({
        spokes: [],
        refresh: {
          resyncInterval: { minutes: 5 },
          requestTimeout: { seconds: 10 },
        },
      }),
    });
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-spoke-'));

    await expect(
      runWith(
        noHub,
        { ...spokeInput('eu-1'), mode: 'gitops' },
        { workspacePath },
      ),
    ).rejects.toThrow(
      'hubCluster: is required when no hub is configured under hubspoke.hub; name the hub that reconciles the spoke',
    );
    await expect(
      runWith(
        noHub,
        { ...spokeInput('eu-1'), hubCluster: 'Central', mode: 'gitops' },
        { workspacePath },
      ),
    ).rejects.toThrow(/^hubCluster: must consist of lower-case letters/);
    expect(await listFiles(workspacePath)).toEqual([]);

    await runWith(
      noHub,
      { ...spokeInput('eu-1'), hubCluster: 'central', mode: 'gitops' },
      { workspacePath },
    );
    expect(await listFiles(workspacePath)).toContain(
      'clusters/central/spokes/eu-1/kustomization-eu-1-apps.yaml',
    );
  });
});

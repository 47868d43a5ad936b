import {
  commitFiles,
  connectToFluxTestbed,
  eventually,
  FluxTestbed,
  GitServer,
  GitServerRepository,
  kustomizationRef,
  gitRepositoryRef,
  requestReconcile,
  startGitServer,
  uniqueName,
  waitForAppliedRevision,
  waitForFlux,
} from '@hubspoke/testbed';
import { parseFluxInstallInput } from '@hubspoke/backstage-plugin-hub-common';
import {
  buildFluxInstallManifests,
  createApplyEngine,
} from '@hubspoke/backstage-plugin-hub-node';
import {
  AppsV1Api,
  CoreV1Api,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
  V1Deployment,
} from '@kubernetes/client-node';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { listFiles } from '../__testUtils__/listFiles';
import { runAction, RunActionOptions } from '../__testUtils__/runAction';
import { connectorForHub } from '../__testUtils__/testbedClusters';
import { createFluxInstallAction } from './fluxInstall';

jest.setTimeout(180_000);

const CLUSTER = 'hub';

let testbed: FluxTestbed;
let git: GitServer;
let fleet: GitServerRepository;
let action: ReturnType<typeof createFluxInstallAction>;
const installedNamespaces: string[] = [];

beforeAll(async () => {
  testbed = await connectToFluxTestbed();
  git = await startGitServer();
  fleet = await git.createRepository('fleet');
  action = createFluxInstallAction({
    clusters: connectorForHub({
      name: CLUSTER,
      auth: { type: 'kubeconfig', kubeconfigPath: testbed.state.kubeconfig },
    }),
  });
}, 300_000);

/** Removes what the installs made, except the CRDs the whole testbed shares. */
afterAll(async () => {
  const engine = createApplyEngine({
    kubeConfig: testbed.kubeConfig,
    logger: mockServices.logger.mock(),
  });
  // The first installation's Kustomization applied the second one, CRDs included:
  // without prune off, deleting it would delete the CRDs every other test uses.
  const [first] = installedNamespaces;
  if (first) {
    await KubernetesObjectApi.makeApiClient(testbed.kubeConfig)
      .patch(
        {
          apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
          kind: 'Kustomization',
          metadata: { name: first, namespace: first },
          spec: { prune: false },
        },
        undefined,
        undefined,
        undefined,
        undefined,
        PatchStrategy.MergePatch,
      )
      .catch(() => undefined);
  }
  for (const namespace of installedNamespaces) {
    const objects = buildFluxInstallManifests(
      parseFluxInstallInput({ namespace }),
    ).filter(o => o.kind !== 'CustomResourceDefinition');
    await engine.delete(objects as KubernetesObject[]).catch(() => undefined);
  }
  await git?.stop();
  await testbed?.release();
}, 120_000);

function install(input: object, options: RunActionOptions = {}) {
  return runAction(action, input, options);
}

async function deploymentIn(namespace: string, name: string) {
  return testbed.kubeConfig
    .makeApiClient(AppsV1Api)
    .readNamespacedDeployment({ name, namespace });
}

function args(deployment: V1Deployment | KubernetesObject): string[] {
  return (deployment as V1Deployment).spec!.template.spec!.containers[0].args!;
}

describe('hub:flux:install input rules', () => {
  it.each([
    [
      { components: ['source-controller'] },
      'components: must include kustomize-controller',
    ],
    [
      {
        components: [
          'source-controller',
          'kustomize-controller',
          'image-reflector-controller',
        ],
      },
      'components.2: must be one of',
    ],
    [
      { namespace: 'Flux_System' },
      'namespace: must consist of lower-case letters',
    ],
    [
      { sync: { url: 'git@github.com:org/fleet.git' } },
      'sync.url: must be an http(s):// or ssh:// Git URL',
    ],
    [
      {
        sync: {
          url: 'https://git.example.com/fleet.git',
          branch: 'main',
          tag: 'v1',
        },
      },
      'sync.tag: must not be combined with branch',
    ],
    [
      {
        sync: {
          kind: 'OCIRepository',
          url: 'oci://ghcr.io/org/fleet',
          branch: 'main',
        },
      },
      'sync.branch: is not a OCIRepository reference',
    ],
    [
      { sync: { url: 'https://git.example.com/fleet.git', interval: 'soon' } },
      'sync.interval: must be a Flux duration',
    ],
  ])('refuses %j before touching the cluster', async (input, message) => {
    const namespace = uniqueName('flux-bad');
    await expect(
      install({ namespace, ...input, mode: 'apply' }),
    ).rejects.toThrow(message);
    const read = testbed.kubeConfig.makeApiClient(CoreV1Api).readNamespace({
      name: (input as { namespace?: string }).namespace ?? namespace,
    });
    await expect(read).rejects.toMatchObject({ code: 404 });
  });

  it.each([
    [
      { url: 'ssh://git@git.example.com/fleet.git' },
      {},
      'secrets.gitSshKey: is required for an ssh:// sync URL in apply mode',
    ],
    [
      { url: 'https://git.example.com/fleet.git' },
      { gitUsername: 'u' },
      'secrets: gitUsername and gitPassword must be given together',
    ],
    [
      { url: 'https://git.example.com/fleet.git' },
      { gitSshKey: 'k', gitKnownHosts: 'h' },
      'secrets.gitSshKey: is for ssh:// URLs',
    ],
    [
      { kind: 'OCIRepository', url: 'oci://ghcr.io/org/fleet' },
      { gitUsername: 'u', gitPassword: 'p' },
      'secrets.gitUsername: is for Git sources',
    ],
  ])(
    'refuses credentials that do not fit the source %j',
    async (sync, secrets, message) => {
      await expect(
        install({ sync, mode: 'apply' }, { secrets }),
      ).rejects.toThrow(message);
    },
  );
});

describe('hub:flux:install in apply mode', () => {
  const namespace = uniqueName('flux');
  // Each installation labels the CRDs with its namespace; on a testbed that other runs
  // installed Flux into, those labels belong to them, so this one takes them over.
  const force = true;
  let workspace: string;

  it('writes nothing in a dry run and reports every object as a create', async () => {
    const { outputs } = await install(
      { namespace, mode: 'apply', force },
      { isDryRun: true },
    );
    const actions = new Set(
      outputs.objects
        .filter((o: { kind: string }) => o.kind !== 'CustomResourceDefinition')
        .map((o: { action: string }) => o.action),
    );
    expect(actions).toEqual(new Set(['create']));
    await expect(
      testbed.kubeConfig
        .makeApiClient(CoreV1Api)
        .readNamespace({ name: namespace }),
    ).rejects.toMatchObject({ code: 404 });
  });

  it('installs the controllers with the lockdown, syncs from the fleet repository, and a second run changes nothing', async () => {
    installedNamespaces.push(namespace);
    const sha = await commitFiles(fleet, {
      files: {
        [`clusters/${CLUSTER}/marker.yaml`]: [
          'apiVersion: v1',
          'kind: ConfigMap',
          'metadata:',
          '  name: fleet-marker',
          `  namespace: ${namespace}`,
          'data:',
          '  synced: "yes"',
          '',
        ].join('\n'),
      },
    });
    const secrets = {
      gitUsername: fleet.username,
      gitPassword: fleet.password,
    };
    const input = { namespace, sync: { url: fleet.url }, mode: 'apply', force };
    const { outputs, logger } = await install(input, { secrets });
    expect(outputs.version).toBe('v2.9.5');
    expect(outputs.objects).toEqual(
      expect.arrayContaining([
        {
          kind: 'Deployment',
          namespace,
          name: 'kustomize-controller',
          action: 'create',
        },
        { kind: 'Secret', namespace, name: namespace, action: 'create' },
        { kind: 'GitRepository', namespace, name: namespace, action: 'create' },
        { kind: 'Kustomization', namespace, name: namespace, action: 'create' },
        {
          kind: 'ClusterRoleBinding',
          name: `cluster-reconciler-${namespace}`,
          action: 'create',
        },
      ]),
    );
    const logged = JSON.stringify(logger.info.mock.calls);
    expect(logged).not.toContain(fleet.password);

    // KWOK runs the pods, so the Deployments become Available as on a real cluster.
    for (const name of [
      'source-controller',
      'kustomize-controller',
      'helm-controller',
      'notification-controller',
    ]) {
      const available = await eventually(
        async () => {
          const deployment = await deploymentIn(namespace, name);
          const condition = deployment.status?.conditions?.find(
            c => c.type === 'Available',
          );
          if (condition?.status !== 'True')
            throw new Error(`${name} is not Available yet`);
          return deployment;
        },
        { timeoutMs: 60_000 },
      );
      expect(available.spec?.template.spec?.serviceAccountName).toBe(name);
    }
    expect(args(await deploymentIn(namespace, 'kustomize-controller'))).toEqual(
      expect.arrayContaining([
        '--no-cross-namespace-refs=true',
        '--no-remote-bases=true',
        '--default-service-account=default',
      ]),
    );

    // The testbed's own controllers reconcile the sync objects: the credentials work and
    // the Kustomization, running as kustomize-controller, applies the fleet folder.
    await waitForFlux(
      testbed.kubeConfig,
      gitRepositoryRef(namespace, namespace),
      {
        and: o => o.status?.artifact?.revision?.includes(sha) ?? false,
        description: `an artifact of ${sha}`,
      },
    );
    await waitForAppliedRevision(
      testbed.kubeConfig,
      kustomizationRef(namespace, namespace),
      sha,
    );
    const marker = await testbed.kubeConfig
      .makeApiClient(CoreV1Api)
      .readNamespacedConfigMap({ name: 'fleet-marker', namespace });
    expect(marker.data).toEqual({ synced: 'yes' });

    const again = await install(input, { secrets });
    expect(
      again.outputs.objects.filter(
        (o: { action: string }) => o.action !== 'unchanged',
      ),
    ).toEqual([]);
    workspace = await mkdtemp(join(tmpdir(), 'flux-install-'));
  });

  it("writes flux bootstrap's layout in gitops mode, and Flux's own kustomize builds it into what apply mode applies", async () => {
    const second = uniqueName('flux-git');
    installedNamespaces.push(second);
    const { outputs } = await install(
      { namespace: second, mode: 'gitops', gitopsDir: 'fleet' },
      { workspacePath: workspace },
    );
    const root = `clusters/${CLUSTER}/${second}`;
    expect(await listFiles(join(workspace, 'fleet'))).toEqual([
      `${root}/gotk-components.yaml`,
      `${root}/kustomization.yaml`,
    ]);
    expect(outputs.files).toHaveLength(2);
    const files = Object.fromEntries(
      await Promise.all(
        ['gotk-components.yaml', 'kustomization.yaml'].map(async name => [
          `${root}/${name}`,
          await readFile(join(workspace, 'fleet', root, name), 'utf8'),
        ]),
      ),
    );
    expect(files[`${root}/gotk-components.yaml`]).toMatch(
      /^# Flux v2\.9\.5 as `flux install` builds it/,
    );

    // The first installation's sync Kustomization applies ./clusters/hub: commit the
    // folder and let the real kustomize-controller build it, lockdown patches included.
    const sha = await commitFiles(fleet, { files });
    const first = kustomizationRef(namespace, namespace);
    await requestReconcile(
      testbed.kubeConfig,
      gitRepositoryRef(namespace, namespace),
    );
    await requestReconcile(testbed.kubeConfig, first);
    await waitForAppliedRevision(testbed.kubeConfig, first, sha, {
      timeoutMs: 90_000,
    });
    const expected = buildFluxInstallManifests(
      parseFluxInstallInput({ namespace: second }),
    );
    for (const name of [
      'source-controller',
      'kustomize-controller',
      'helm-controller',
      'notification-controller',
    ]) {
      const built = expected.find(
        o => o.kind === 'Deployment' && o.metadata.name === name,
      )!;
      expect(args(await deploymentIn(second, name))).toEqual(
        args(built as KubernetesObject),
      );
    }
  });
});

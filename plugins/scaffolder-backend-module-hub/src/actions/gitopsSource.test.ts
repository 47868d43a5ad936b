import {
  apiErrorFrom,
  connectToTestbed,
  createTestNamespace,
  TestNamespace,
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
import { createGitopsSourceAction } from './gitopsSource';

const testbed = connectToTestbed();
const clusters = connectorForHub({
  name: 'hub',
  auth: { type: 'kubeconfig', kubeconfigPath: testbed.state.kubeconfig },
});
const core = testbed.kubeConfig.makeApiClient(CoreV1Api);
const custom = testbed.kubeConfig.makeApiClient(CustomObjectsApi);
const action = createGitopsSourceAction({ clusters });
const secrets = { gitUsername: 'flux-bot', gitPassword: 'not-a-real-token' };

// Nothing answers at .invalid: Flux reports the failure later in status, admission accepts it.
const UNREACHABLE_URL = 'https://git.example.invalid/platform/infra.git';

let namespace: TestNamespace;
beforeAll(async () => {
  namespace = await createTestNamespace(testbed.kubeConfig, 'gitops-src');
});
afterAll(() => namespace?.delete());

function sourceInput(name: string, extra: object = {}) {
  return {
    name,
    namespace: namespace.name,
    url: UNREACHABLE_URL,
    path: './controllers',
    interval: '5m',
    ...extra,
  };
}

async function run(input: object, options: RunActionOptions = {}) {
  return runAction(action, input, options);
}

function readFlux(plural: 'gitrepositories' | 'kustomizations', name: string) {
  const [group, version] =
    plural === 'gitrepositories'
      ? ['source.toolkit.fluxcd.io', 'v1']
      : ['kustomize.toolkit.fluxcd.io', 'v1'];
  return custom.getNamespacedCustomObject({
    group,
    version,
    namespace: namespace.name,
    plural,
    name,
  });
}

describe('hub:gitops:source in apply mode', () => {
  it('creates objects the Flux CRDs accept, and a second run changes nothing', async () => {
    const name = uniqueName('infra');
    const input = {
      ...sourceInput(name, {
        tag: 'v1.4.0',
        wait: true,
        healthChecks: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'web',
            namespace: 'shop',
          },
        ],
        dependsOn: ['policies'],
        targetNamespace: 'shop',
        serviceAccountName: 'flux-restricted',
        timeout: '3m',
      }),
      mode: 'apply',
    };

    const { outputs: first } = await run(input);
    expect(first.objects).toEqual([
      {
        kind: 'GitRepository',
        namespace: namespace.name,
        name,
        action: 'create',
      },
      {
        kind: 'Kustomization',
        namespace: namespace.name,
        name,
        action: 'create',
      },
    ]);
    const gitRepository = await readFlux('gitrepositories', name);
    expect(gitRepository.spec).toMatchObject({
      url: UNREACHABLE_URL,
      interval: '5m',
      ref: { tag: 'v1.4.0' },
    });
    expect(gitRepository.spec.secretRef).toBeUndefined();
    expect(gitRepository.metadata.labels).toEqual({
      'app.kubernetes.io/managed-by': 'hubspoke',
    });
    const kustomization = await readFlux('kustomizations', name);
    expect(kustomization.spec).toMatchObject({
      sourceRef: { kind: 'GitRepository', name },
      path: './controllers',
      prune: true,
      wait: true,
      dependsOn: [{ name: 'policies' }],
      healthChecks: [{ kind: 'Deployment', name: 'web', namespace: 'shop' }],
      targetNamespace: 'shop',
      serviceAccountName: 'flux-restricted',
      timeout: '3m',
    });

    const { outputs: second } = await run(input);
    expect(second.objects.map((o: { action: string }) => o.action)).toEqual([
      'unchanged',
      'unchanged',
    ]);
    expect(second.summary).toBe('0 created, 0 updated, 2 unchanged');
  });

  it('writes nothing in a dry run and reports what it would create', async () => {
    const name = uniqueName('dry');
    const { outputs } = await run(
      { ...sourceInput(name), mode: 'apply' },
      { isDryRun: true, secrets },
    );

    expect(outputs.objects.map((o: { kind: string }) => o.kind)).toEqual([
      'Secret',
      'GitRepository',
      'Kustomization',
    ]);
    expect(outputs.summary).toBe(
      '3 to create, 0 to update, 0 unchanged (dry run)',
    );
    expect((await apiErrorFrom(readFlux('gitrepositories', name))).code).toBe(
      404,
    );
    expect(
      (
        await apiErrorFrom(
          core.readNamespacedSecret({
            name: `${name}-git-auth`,
            namespace: namespace.name,
          }),
        )
      ).code,
    ).toBe(404);
  });

  it('creates the credentials Secret from task secrets and references it', async () => {
    const name = uniqueName('auth');
    await run({ ...sourceInput(name), mode: 'apply' }, { secrets });

    const secret = await core.readNamespacedSecret({
      name: `${name}-git-auth`,
      namespace: namespace.name,
    });
    expect(secret.type).toBe('Opaque');
    expect(
      Object.fromEntries(
        Object.entries(secret.data ?? {}).map(([k, v]) => [
          k,
          Buffer.from(v, 'base64').toString('utf8'),
        ]),
      ),
    ).toEqual({ username: 'flux-bot', password: 'not-a-real-token' });
    expect((await readFlux('gitrepositories', name)).spec.secretRef).toEqual({
      name: `${name}-git-auth`,
    });
  });

  it('creates a GitRepository whose URL does not answer, without waiting for Ready', async () => {
    const name = uniqueName('gone');
    const { outputs } = await run({
      ...sourceInput(name, {
        url: 'ssh://git@git.example.invalid/platform/gone.git',
        semver: '>=1.0.0',
      }),
      mode: 'apply',
    });

    expect(outputs.summary).toBe('2 created, 0 updated, 0 unchanged');
    expect((await readFlux('gitrepositories', name)).spec.ref).toEqual({
      semver: '>=1.0.0',
    });
  });

  it('rejects only one of the two credentials', async () => {
    await expect(
      run(
        { ...sourceInput(uniqueName('half')), mode: 'apply' },
        { secrets: { gitUsername: 'flux-bot' } },
      ),
    ).rejects.toThrow(
      'secrets: gitUsername and gitPassword must be given together',
    );
  });
});

describe('hub:gitops:source in gitops mode', () => {
  it('writes the fleet-repository layout and registers the source with its cluster, idempotently', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-source-'));
    const input = {
      name: 'infra-controllers',
      url: 'https://git.example.com/platform/infrastructure.git',
      mode: 'gitops',
      gitopsDir: 'fleet',
    };

    const { outputs } = await run(input, { workspacePath });
    await run(input, { workspacePath });

    expect(await listFiles(workspacePath)).toMatchSnapshot();
    expect(outputs.files).toContain(
      'fleet/clusters/hub/infrastructure/kustomization.yaml',
    );
    expect(
      await fs.readFile(
        join(
          workspacePath,
          'fleet/clusters/hub/infrastructure/kustomization.yaml',
        ),
        'utf8',
      ),
    ).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../../infrastructure/infra-controllers\n',
    );
    expect(
      await fs.readFile(
        join(
          workspacePath,
          'fleet/infrastructure/infra-controllers/gitrepository-infra-controllers.yaml',
        ),
        'utf8',
      ),
    ).toMatchSnapshot();
  });

  it('references the credentials Secret but never writes it, and says so', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-source-'));
    const { logger } = await run(
      { name: 'private', url: 'https://git.example.com/p.git', mode: 'gitops' },
      { workspacePath, secrets },
    );

    const files = await listFiles(workspacePath);
    const contents = await Promise.all(
      files.map(file => fs.readFile(join(workspacePath, file), 'utf8')),
    );
    expect(contents.join('\n')).not.toMatch(
      /kind: Secret|flux-bot|not-a-real-token/,
    );
    expect(
      await fs.readFile(
        join(
          workspacePath,
          'infrastructure/private/gitrepository-private.yaml',
        ),
        'utf8',
      ),
    ).toContain('secretRef:\n    name: private-git-auth\n');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'references Secret flux-system/private-git-auth, which is not written to the repository',
      ),
    );
  });

  it('writes nothing in a dry run', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-source-'));
    const { outputs } = await run(
      { name: 'apps', url: 'https://git.example.com/apps.git', mode: 'gitops' },
      { workspacePath, isDryRun: true },
    );

    expect(outputs.files).toEqual([
      'infrastructure/apps/gitrepository-apps.yaml',
      'infrastructure/apps/kustomization-apps.yaml',
      'infrastructure/apps/kustomization.yaml',
    ]);
    expect(await listFiles(workspacePath)).toEqual([]);
  });

  it('rejects an invalid interval before writing anything', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-source-'));
    await expect(
      run(
        {
          name: 'apps',
          url: 'https://git.example.com/apps.git',
          interval: '10 minutes',
          mode: 'gitops',
        },
        { workspacePath },
      ),
    ).rejects.toThrow(/interval: must be a Flux duration/);
    expect(await listFiles(workspacePath)).toEqual([]);
  });
});

describe('hub:gitops:source input errors in apply mode', () => {
  it('rejects an invalid interval before talking to the cluster', async () => {
    const name = uniqueName('bad');
    await expect(
      run({ ...sourceInput(name, { interval: '1d' }), mode: 'apply' }),
    ).rejects.toThrow(/interval: must be a Flux duration/);
    expect((await apiErrorFrom(readFlux('gitrepositories', name))).code).toBe(
      404,
    );
  });
});

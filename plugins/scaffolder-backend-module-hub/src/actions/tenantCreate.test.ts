import { apiErrorFrom, connectToTestbed, uniqueName } from '@hubspoke/testbed';
import { CoreV1Api } from '@kubernetes/client-node';
import { promises as fs } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTenantCreateAction } from './tenantCreate';
import { listFiles } from '../__testUtils__/listFiles';
import { runAction, RunActionOptions } from '../__testUtils__/runAction';
import { connectorForHub } from '../__testUtils__/testbedClusters';

const testbed = connectToTestbed();
const clusters = connectorForHub({
  name: 'hub',
  auth: { type: 'kubeconfig', kubeconfigPath: testbed.state.kubeconfig },
});
const core = testbed.kubeConfig.makeApiClient(CoreV1Api);
const action = createTenantCreateAction({ clusters });
const createdNamespaces: string[] = [];

afterAll(async () => {
  await Promise.all(
    createdNamespaces.map(name =>
      core.deleteNamespace({ name }).catch(() => undefined),
    ),
  );
});

function tenantInput(name: string, extra: object = {}) {
  return {
    name,
    ownerGroup: 'team-payments',
    quotaTier: 'small' as const,
    source: { url: 'https://git.example.com/tenants.git', path: './apps' },
    ...extra,
  };
}

async function run(input: object, options: RunActionOptions = {}) {
  return (await runAction(action, input, options)).outputs;
}

describe('hub:tenant:create in apply mode', () => {
  it('creates the tenant, and a second run changes nothing', async () => {
    const name = uniqueName('ten');
    createdNamespaces.push(name);

    const first = await run({ ...tenantInput(name), mode: 'apply' });
    expect(first.namespaces).toEqual([name]);
    expect(
      first.objects.every((o: { action: string }) => o.action === 'create'),
    ).toBe(true);
    expect(first.objects.map((o: { kind: string }) => o.kind)).toEqual(
      expect.arrayContaining([
        'Namespace',
        'RoleBinding',
        'ResourceQuota',
        'NetworkPolicy',
        'GitRepository',
        'Kustomization',
      ]),
    );
    const namespace = await core.readNamespace({ name });
    expect(namespace.metadata?.labels).toMatchObject({
      'hubspoke.io/tenant': name,
      'hubspoke.io/owner': 'team-payments',
      'pod-security.kubernetes.io/enforce': 'restricted',
    });

    const second = await run({ ...tenantInput(name), mode: 'apply' });
    expect(
      second.objects.filter(
        (o: { action: string }) => o.action !== 'unchanged',
      ),
    ).toEqual([]);
    expect(second.summary).toMatch(/unchanged/);
  });

  it('writes nothing in a dry run and reports what it would create', async () => {
    const name = uniqueName('dry');
    createdNamespaces.push(name);
    const outputs = await run(
      { ...tenantInput(name), mode: 'apply' },
      { isDryRun: true },
    );

    expect(
      outputs.objects.every((o: { action: string }) => o.action === 'create'),
    ).toBe(true);
    expect((await apiErrorFrom(core.readNamespace({ name }))).code).toBe(404);
  });

  it('refuses a namespace that belongs to another tenant', async () => {
    const name = uniqueName('taken');
    createdNamespaces.push(name);
    await core.createNamespace({
      body: {
        metadata: {
          name,
          labels: {
            'hubspoke.io/tenant': 'other',
            'hubspoke.io/owner': 'team-search',
          },
        },
      },
    });

    await expect(run({ ...tenantInput(name), mode: 'apply' })).rejects.toThrow(
      `name: namespace "${name}" on cluster "hub" already exists and belongs to tenant "other" of team-search; choose another tenant name`,
    );
  });

  it('rejects an invalid tenant name before talking to the cluster', async () => {
    await expect(
      run({ ...tenantInput('Payments_1'), mode: 'apply', cluster: 'nowhere' }),
    ).rejects.toThrow(/name: must consist of lower-case letters/);
  });

  it('names an unknown cluster', async () => {
    await expect(
      run({
        ...tenantInput(uniqueName('x')),
        mode: 'apply',
        cluster: 'nowhere',
      }),
    ).rejects.toThrow(
      'cluster: "nowhere" is not configured (configured: hub); add it under hubspoke.hub or hubspoke.spokes',
    );
  });
});

describe('hub:tenant:create in gitops mode', () => {
  it('writes the fleet-repository layout and registers the tenant with its cluster, idempotently', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-tenant-'));
    const input = {
      ...tenantInput('payments', { environments: ['dev', 'prod'] }),
      mode: 'gitops',
      gitopsDir: 'fleet',
    };

    const outputs = await run(input, { workspacePath });
    await run(input, { workspacePath });

    const files = await listFiles(workspacePath);
    expect(files).toMatchSnapshot();
    expect(outputs.files).toContain(
      'fleet/clusters/hub/tenants/kustomization.yaml',
    );
    expect(
      await fs.readFile(
        join(workspacePath, 'fleet/clusters/hub/tenants/kustomization.yaml'),
        'utf8',
      ),
    ).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../../tenants/payments\n',
    );
  });

  it('writes nothing in a dry run', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-tenant-'));
    const outputs = await run(
      { ...tenantInput('search'), mode: 'gitops' },
      { workspacePath, isDryRun: true },
    );

    expect(outputs.files).toContain(
      'tenants/search/search/namespace-search.yaml',
    );
    expect(await listFiles(workspacePath)).toEqual([]);
  });
});

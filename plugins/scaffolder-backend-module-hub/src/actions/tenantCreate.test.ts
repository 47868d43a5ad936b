import {
  apiErrorFrom,
  applyObject,
  connectToTestbed,
  uniqueName,
} from '@hubspoke/testbed';
import { CoreV1Api } from '@kubernetes/client-node';
import { promises as fs } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClusterConnector } from '../clusters/ClusterConnector';
import { createSpokeRegisterAction } from './spokeRegister';
import { createTenantCreateAction } from './tenantCreate';
import { kustomizeBuild } from '../__testUtils__/kustomizeBuild';
import { listFiles } from '../__testUtils__/listFiles';
import { runAction, RunActionOptions } from '../__testUtils__/runAction';
import { connectorForHub } from '../__testUtils__/testbedClusters';

const testbed = connectToTestbed();
const testbedAuth = {
  type: 'kubeconfig' as const,
  kubeconfigPath: testbed.state.kubeconfig,
};
// The testbed stands in for a spoke too, under another name: enough for the checks
// that run before anything reaches a spoke. tenantCreate.onSpoke.test.ts uses a real one.
const standInSpoke = uniqueName('stand-in');
const clusters = connectorForHub({ name: 'hub', auth: testbedAuth }, [
  { name: standInSpoke, auth: testbedAuth },
]);
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
      `cluster: "nowhere" is not configured (configured: hub, ${standInSpoke}); add it under hubspoke.hub or hubspoke.spokes`,
    );
  });
});

describe('hub:tenant:create in apply mode for a tenant on a spoke', () => {
  it('refuses a spoke that is not registered with the hub, before writing anything', async () => {
    const name = uniqueName('unreg');
    createdNamespaces.push(name);
    await expect(
      run({ ...tenantInput(name), cluster: standInSpoke, mode: 'apply' }),
    ).rejects.toThrow(
      `cluster: spoke "${standInSpoke}" is not registered with hub "hub" (no namespace "${standInSpoke}" labelled hubspoke.io/spoke=${standInSpoke} there); run hub:spoke:register first`,
    );
    expect((await apiErrorFrom(core.readNamespace({ name }))).code).toBe(404);
  });

  it("refuses a tenant whose Flux objects would take over the spoke's own", async () => {
    createdNamespaces.push(standInSpoke);
    await core.createNamespace({
      body: {
        metadata: {
          name: standInSpoke,
          labels: { 'hubspoke.io/spoke': standInSpoke },
        },
      },
    });
    // The spoke's tenants layer, as hub:spoke:register names it.
    const name = `${standInSpoke}-tenants`;
    await applyObject(testbed.kubeConfig, {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: {
        name,
        namespace: standInSpoke,
        labels: { 'hubspoke.io/spoke': standInSpoke },
      },
      spec: {
        interval: '10m',
        path: './',
        prune: true,
        suspend: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    });

    await expect(
      run({ ...tenantInput(name), cluster: standInSpoke, mode: 'apply' }),
    ).rejects.toThrow(
      `name: Kustomization "${standInSpoke}/${name}" on cluster "hub" already exists and belongs to spoke "${standInSpoke}"; choose another tenant name`,
    );
    expect((await apiErrorFrom(core.readNamespace({ name }))).code).toBe(404);
  });
});

describe('hub:tenant:create in gitops mode for a tenant on a spoke', () => {
  const spokeInput = {
    name: 'eu-1',
    sourceUrl: 'https://git.example.com/platform/fleet.git',
    sourceBranch: 'main',
    region: 'eu-west-1',
    mode: 'gitops',
  };

  it("writes the namespaces for the spoke's tenants layer and the sync objects into the hub's spoke folder, and both build", async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-tenant-'));
    const fleet = (path: string) => join(workspacePath, path);
    await runAction(createSpokeRegisterAction({ clusters }), spokeInput, {
      workspacePath,
    });
    // A spoke without tenants builds: its tenants list is empty.
    expect(await kustomizeBuild(fleet('clusters/hub/spokes'))).toContain(
      'Kustomization eu-1/eu-1-tenants',
    );

    const input = {
      ...tenantInput('payments', { environments: ['dev', 'prod'] }),
      cluster: 'eu-1',
      mode: 'gitops',
    };
    await run(input, { workspacePath });
    await run(input, { workspacePath });

    expect(await listFiles(workspacePath)).toMatchSnapshot();
    expect(await kustomizeBuild(fleet('clusters/eu-1/tenants'))).toEqual(
      [
        'Namespace payments-dev',
        'Namespace payments-prod',
        ...['payments-dev', 'payments-prod'].flatMap(ns => [
          `LimitRange ${ns}/tenant-limits`,
          `NetworkPolicy ${ns}/allow-dns`,
          `NetworkPolicy ${ns}/allow-monitoring-scrape`,
          `NetworkPolicy ${ns}/allow-same-namespace`,
          `NetworkPolicy ${ns}/default-deny`,
          `ResourceQuota ${ns}/tenant-quota`,
          `RoleBinding ${ns}/payments-reconciler`,
          `ServiceAccount eu-1/tenant-${ns}`,
        ]),
      ].sort(),
    );
    const onHub = await kustomizeBuild(fleet('clusters/hub/spokes'));
    expect(onHub).toEqual(
      expect.arrayContaining([
        'GitRepository eu-1/payments-dev',
        'Kustomization eu-1/payments-dev',
        'GitRepository eu-1/payments-prod',
        'Kustomization eu-1/payments-prod',
        'Kustomization eu-1/eu-1-tenants',
      ]),
    );
    expect(onHub.filter(id => id.startsWith('Namespace '))).toEqual([
      'Namespace eu-1',
    ]);
  });

  it("refuses a tenant named like one of the spoke's own objects", async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-tenant-'));
    await runAction(createSpokeRegisterAction({ clusters }), spokeInput, {
      workspacePath,
    });
    const before = await listFiles(workspacePath);

    await expect(
      run(
        { ...tenantInput('eu-1-apps'), cluster: 'eu-1', mode: 'gitops' },
        { workspacePath },
      ),
    ).rejects.toThrow(
      'name: the spoke "eu-1" already has ./clusters/hub/spokes/eu-1/kustomization-eu-1-apps.yaml, and the tenant\'s objects in its hub namespace would be named "eu-1-apps" too; choose another tenant name',
    );
    expect(await listFiles(workspacePath)).toEqual(before);
  });

  it('needs the hub when none is configured, and takes it from hubCluster', async () => {
    const noHub = createTenantCreateAction({
      clusters: createClusterConnector({
        spokes: [],
        refresh: {
          resyncInterval: { minutes: 5 },
          requestTimeout: { seconds: 10 },
        },
      }),
    });
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-tenant-'));
    const input = { ...tenantInput('search'), cluster: 'eu-1', mode: 'gitops' };

    await expect(runAction(noHub, input, { workspacePath })).rejects.toThrow(
      'hubCluster: is required for a tenant on cluster "eu-1" when no hub is configured under hubspoke.hub; name the hub (the cluster itself for a tenant on the hub)',
    );
    await runAction(
      noHub,
      { ...input, hubCluster: 'central' },
      { workspacePath },
    );
    expect(await listFiles(workspacePath)).toContain(
      'clusters/central/spokes/eu-1/tenants/search/kustomization-search.yaml',
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

import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  connectToTestbed,
  createTestNamespace,
  TestNamespace,
} from '@hubspoke/testbed';
import { CoreV1Api } from '@kubernetes/client-node';
import { createServer } from 'node:net';
import {
  adminConnector,
  connectorForHub,
} from '../__testUtils__/testbedClusters';
import { CheckResult } from '../preflight/types';
import { createPreflightAction } from './preflight';

const { state, kubeConfig } = connectToTestbed();
const FLUX_CRD = 'kustomizations.kustomize.toolkit.fluxcd.io';
const SMALL = { minimumNodes: 1, minimumCpu: 1, minimumMemoryGi: 1 };

type PreflightAction = ReturnType<typeof createPreflightAction>;
type PreflightInput = Parameters<PreflightAction['handler']>[0]['input'];

async function run(
  action: PreflightAction,
  input: PreflightInput,
  isDryRun = false,
) {
  const ctx = createMockActionContext({ input, isDryRun });
  const error = await action.handler(ctx).then(
    () => undefined,
    (e: Error) => e,
  );
  const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  const report = (outputs.report ?? []) as CheckResult[];
  const check = (id: string) => report.find(r => r.id === id);
  return { error, outputs, report, check, ctx };
}

describe('hub:preflight', () => {
  const action = createPreflightAction({
    clusters: adminConnector(state.kubeconfig),
  });

  it('passes on the testbed with admin rights, warning about the missing default StorageClass', async () => {
    const { error, outputs, report, check } = await run(action, {
      ...SMALL,
      requireCrds: [FLUX_CRD],
      requireDefaultStorageClass: false,
    });
    expect(error).toBeUndefined();
    expect(report.map(r => [r.id, r.status])).toEqual([
      ['reachability', 'pass'],
      ['version', 'pass'],
      ['identity', 'pass'],
      ['permissions', 'pass'],
      ['nodes', 'pass'],
      ['storageClass', 'warn'],
      ['crds', 'pass'],
    ]);
    expect(check('identity')?.evidence?.groups).toContain('system:masters');
    expect(check('crds')?.message).toContain(FLUX_CRD);
    expect(outputs.passed).toBe(true);
    expect(outputs.summary).toBe('6 passed, 1 warning, 0 failed');
  });

  it('runs the same in a dry run, and fails on the warning with failOn warn', async () => {
    const { error, outputs } = await run(
      action,
      { ...SMALL, requireDefaultStorageClass: false, failOn: 'warn' },
      true,
    );
    expect(error?.name).toBe('InputError');
    expect(error?.message).toContain('Default StorageClass: no StorageClass');
    expect(outputs.passed).toBe(false);
  });

  it('fails without a default StorageClass when one is required (the default)', async () => {
    const { error, check, outputs } = await run(action, SMALL);
    expect(check('storageClass')?.status).toBe('fail');
    expect(error?.message).toMatch(
      /^preflight of cluster "testbed" failed \(6 passed, 0 warnings, 1 failed\): Default StorageClass: no StorageClass is annotated/,
    );
    expect(outputs.summary).toBe('6 passed, 0 warnings, 1 failed');
  });

  it('fails with the numbers when the cluster is too small', async () => {
    const { error, check } = await run(action, {
      minimumCpu: 1000,
      requireDefaultStorageClass: false,
    });
    const nodes = check('nodes')!;
    expect(nodes.status).toBe('fail');
    expect(nodes.message).toMatch(
      /^\d+ Ready nodes with [\d.]+ CPU cores and [\d.]+ GiB memory allocatable; need at least 1 nodes, 1000 CPU cores and 4 GiB memory/,
    );
    expect(error?.message).toContain('Node capacity:');
  });

  it('names missing CRDs', async () => {
    const { check } = await run(action, {
      ...SMALL,
      requireCrds: [FLUX_CRD, 'widgets.example.com'],
    });
    expect(check('crds')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^missing: widgets\.example\.com;/),
    });
  });

  it('fails before anything for a cluster that is not configured', async () => {
    const { error, outputs } = await run(action, { cluster: 'nowhere' });
    expect(error?.message).toBe(
      'cluster: "nowhere" is not configured (configured: testbed); add it under hubspoke.hub or hubspoke.spokes',
    );
    expect(outputs).toEqual({});
  });

  it('fails with "not reachable" for a closed port', async () => {
    const url = `https://127.0.0.1:${await closedPort()}`;
    const unreachable = createPreflightAction({
      clusters: connectorForHub({
        name: 'gone',
        url,
        caFile: state.caFile,
        auth: { type: 'serviceAccountToken', token: 'unused' },
      }),
    });
    const { error, report } = await run(unreachable, {});
    expect(report).toEqual([
      expect.objectContaining({
        id: 'reachability',
        status: 'fail',
        message: expect.stringContaining(
          `cluster: "gone" at ${url} is not reachable`,
        ),
      }),
    ]);
    expect(error?.message).toContain('not reachable');
  });

  describe('with a service account without rights', () => {
    let namespace: TestNamespace;
    let token: string;

    beforeAll(async () => {
      namespace = await createTestNamespace(kubeConfig, 'preflight');
      const core = kubeConfig.makeApiClient(CoreV1Api);
      await core.createNamespacedServiceAccount({
        namespace: namespace.name,
        body: { metadata: { name: 'nobody' } },
      });
      const request = await core.createNamespacedServiceAccountToken({
        name: 'nobody',
        namespace: namespace.name,
        body: { spec: { audiences: [], expirationSeconds: 600 } },
      });
      token = request.status!.token;
    });
    afterAll(() => namespace?.delete());

    it('fails the permissions check, listing every denied verb', async () => {
      const restricted = createPreflightAction({
        clusters: connectorForHub({
          name: 'restricted',
          url: state.apiserverURLs[0],
          caFile: state.caFile,
          auth: { type: 'serviceAccountToken', token },
        }),
      });
      const { error, check } = await run(restricted, SMALL);
      expect(check('identity')?.evidence).toMatchObject({
        username: `system:serviceaccount:${namespace.name}:nobody`,
      });
      const permissions = check('permissions')!;
      expect(permissions.status).toBe('fail');
      expect(permissions.message).toContain(
        'namespaces: create, patch, get, list, delete',
      );
      expect(permissions.message).toContain(
        'secrets in default: create, patch',
      );
      expect(permissions.message).toContain(
        'kustomizations.kustomize.toolkit.fluxcd.io in default: create, patch',
      );
      expect(permissions.evidence?.denied).toHaveLength(15);
      expect(check('nodes')?.message).toContain('cannot list nodes: HTTP 403');
      expect(error?.message).toContain('Permissions:');
    });
  });
});

/** A loopback port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise(resolve => server.close(resolve));
  return port;
}

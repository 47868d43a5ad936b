import { readFile } from 'node:fs/promises';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  HubClusterStatus,
  HubClusterStatusList,
  HubFluxObject,
  HubFluxObjectList,
} from '@hubspoke/backstage-plugin-hub-common';
import {
  applyGitSource,
  applyObject,
  commitFiles,
  condition,
  connectToFluxTestbed,
  createFluxTenant,
  deleteFluxObject,
  eventually,
  FluxTenant,
  FluxTestbed,
  GitServer,
  kustomization,
  kustomizationRef,
  startGitServer,
  startTestbed,
  Testbed,
  uniqueName,
  waitForFlux,
} from '@hubspoke/testbed';
import {
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
} from '@kubernetes/client-node';
import request from 'supertest';
import { assertOpenApiResponse } from './__testUtils__/openApiResponses';
import { hubPlugin } from './plugin';

jest.setTimeout(180_000);

const TENANT = 'team-status';
const READER = 'hub-status-reader';

/** What the backend answered, to search for credentials at the end. */
const responses: string[] = [];

let testbed: FluxTestbed;
let spoke: Testbed;
let git: GitServer;
let tenant: FluxTenant;
let readerToken: string;
let readerRole: string;
let server: Parameters<typeof request>[0];

async function get<T>(path: string): Promise<{ body: T; ms: number }> {
  const started = Date.now();
  const response = await request(server).get(path).expect(200);
  responses.push(response.text);
  assertOpenApiResponse(path.replace(/^\/api\/hub|\?.*$/g, ''), response.body);
  return { body: response.body as T, ms: Date.now() - started };
}

async function clusterStatus(name: string): Promise<HubClusterStatus> {
  const { body } = await get<HubClusterStatusList>('/api/hub/status/clusters');
  return body.clusters.find(c => c.name === name)!;
}

async function tenantKustomizations(): Promise<HubFluxObject[]> {
  const { body } = await get<HubFluxObjectList>(
    `/api/hub/flux?cluster=hub&kind=Kustomization&tenant=${TENANT}`,
  );
  return body.items;
}

/** A ServiceAccount that may read everything: the backend's own identity in the audit log. */
async function createReader(kubeConfig: KubeConfig): Promise<string> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const rbac = kubeConfig.makeApiClient(RbacAuthorizationV1Api);
  readerRole = uniqueName('hub-status-read-all');
  await core.createNamespacedServiceAccount({
    namespace: tenant.name,
    body: { metadata: { name: READER } },
  });
  await rbac.createClusterRole({
    body: {
      metadata: { name: readerRole },
      rules: [
        { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
      ],
    },
  });
  await rbac.createClusterRoleBinding({
    body: {
      metadata: { name: readerRole },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: readerRole,
      },
      subjects: [
        { kind: 'ServiceAccount', name: READER, namespace: tenant.name },
      ],
    },
  });
  const tokenRequest = await core.createNamespacedServiceAccountToken({
    name: READER,
    namespace: tenant.name,
    body: { spec: { audiences: [], expirationSeconds: 3600 } },
  });
  return tokenRequest.status!.token;
}

beforeAll(async () => {
  [testbed, spoke, git] = await Promise.all([
    connectToFluxTestbed(),
    // A spoke without the Flux CRDs, and later without an API server.
    startTestbed({ nodes: 0 }),
    startGitServer(),
  ]);
  tenant = await createFluxTenant(testbed.kubeConfig, 'hub-status');
  await applyObject(testbed.kubeConfig, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: tenant.name, labels: { 'hubspoke.io/tenant': TENANT } },
  });
  readerToken = await createReader(testbed.kubeConfig);
  const backend = await startTestBackend({
    features: [
      hubPlugin,
      mockServices.rootConfig.factory({
        data: {
          hubspoke: {
            hub: {
              name: 'hub',
              url: testbed.state.apiserverURLs[0],
              caFile: testbed.state.caFile,
              auth: { type: 'serviceAccountToken', token: readerToken },
            },
            spokes: [
              {
                name: 'spoke',
                auth: {
                  type: 'kubeconfig',
                  kubeconfigPath: spoke.state.kubeconfig,
                },
              },
            ],
            // No resync inside the test: every list in the audit log is the initial one.
            refresh: {
              resyncInterval: { hours: 1 },
              requestTimeout: { seconds: 3 },
            },
          },
        },
      }),
    ],
  });
  server = backend.server;
}, 300_000);

afterAll(async () => {
  await tenant?.delete();
  if (readerRole) {
    const rbac = testbed.kubeConfig.makeApiClient(RbacAuthorizationV1Api);
    await rbac.deleteClusterRoleBinding({ name: readerRole });
    await rbac.deleteClusterRole({ name: readerRole });
  }
  await Promise.all([git?.stop(), spoke?.stop(), testbed?.release()]);
}, 120_000);

describe('hub status served from the watch cache', () => {
  it('reports both clusters ready, skipping the Flux kinds the spoke has no CRD for', async () => {
    const [hub, spokeStatus] = await eventually(
      async () => {
        const statuses = await Promise.all([
          clusterStatus('hub'),
          clusterStatus('spoke'),
        ]);
        statuses.forEach(s => expect(s.state).toBe('ready'));
        return statuses;
      },
      { timeoutMs: 30_000 },
    );
    expect(hub.skippedKinds).toEqual([]);
    expect(spokeStatus.skippedKinds).toEqual([
      'GitRepository',
      'OCIRepository',
      'HelmRepository',
      'Kustomization',
      'HelmRelease',
    ]);
    expect(spokeStatus.reason).toBeUndefined();
    expect(hub.kinds.find(k => k.kind === 'Namespace')?.lastEventAt).toEqual(
      expect.any(String),
    );
  });

  it('shows a Kustomization created failing, then fixed, then deleted', async () => {
    const { kubeConfig } = testbed;
    const repo = await git.createRepository(uniqueName('status'));
    const sha = await commitFiles(repo, {
      files: {
        'apps/settings.yaml': [
          'apiVersion: v1',
          'kind: ConfigMap',
          'metadata:',
          '  name: settings',
          `  namespace: ${tenant.name}`,
          'data:',
          '  colour: blue',
          '',
        ].join('\n'),
      },
    });
    await applyGitSource(kubeConfig, tenant.name, 'app', repo);
    const apps = (path: string) =>
      kustomization(tenant.name, 'apps', {
        path,
        source: 'app',
        serviceAccountName: tenant.serviceAccountName,
      });
    const ref = kustomizationRef(tenant.name, 'apps');

    await applyObject(kubeConfig, apps('./missing'));
    await waitForFlux(kubeConfig, ref, {
      status: 'False',
      and: o => condition(o, 'Ready')?.message?.includes('missing') ?? false,
      description: 'a Ready message naming the missing path',
      timeoutMs: 60_000,
    });
    const failing = await eventually(
      async () => {
        const [item] = await tenantKustomizations();
        expect(item).toMatchObject({
          name: 'apps',
          ready: 'False',
          status: 'fail',
        });
        return item;
      },
      { timeoutMs: 10_000 },
    );
    expect(failing.tenant).toBe(TENANT);
    expect(failing.message).toMatch(/missing/);

    await applyObject(kubeConfig, apps('./apps'));
    await waitForFlux(kubeConfig, ref, { status: 'True', timeoutMs: 60_000 });
    const fixed = await eventually(
      async () => {
        const [item] = await tenantKustomizations();
        expect(item).toMatchObject({ ready: 'True', status: 'pass' });
        return item;
      },
      { timeoutMs: 10_000 },
    );
    expect(fixed.revision).toContain(sha);
    const { body: failingOnly } = await get<HubFluxObjectList>(
      `/api/hub/flux?tenant=${TENANT}&status=fail`,
    );
    expect(failingOnly.items).toEqual([]);

    await deleteFluxObject(kubeConfig, ref, 60_000);
    await eventually(
      async () => expect(await tenantKustomizations()).toEqual([]),
      { timeoutMs: 10_000 },
    );
    const { body: sources } = await get<HubFluxObjectList>(
      `/api/hub/flux?kind=GitRepository&q=${tenant.name}`,
    );
    expect(sources.items.map(s => `${s.namespace}/${s.name}`)).toEqual([
      `${tenant.name}/app`,
    ]);
  });

  it('refuses an unknown kind, naming the field', async () => {
    const response = await request(server)
      .get('/api/hub/flux?kind=Deployment')
      .expect(400);
    expect(response.body.error.message).toMatch(/^kind: must be one of/);
  });

  it('serves 20 Flux lists without a request to the API server', async () => {
    await eventually(async () =>
      expect((await clusterStatus('hub')).state).toBe('ready'),
    );
    const user = `system:serviceaccount:${tenant.name}:${READER}`;
    const before = await requestsBy(user);
    const from = new Date();
    for (let i = 0; i < 20; i++) {
      await get<HubFluxObjectList>('/api/hub/flux');
    }
    const until = new Date();
    const during = (await requestsBy(user)).filter(e => {
      const at = new Date(e.requestReceivedTimestamp);
      return at >= from && at <= until && e.verb !== 'watch';
    });
    // The criterion finds the backend: its initial lists are in the log.
    expect(before.filter(e => e.verb === 'list').length).toBeGreaterThanOrEqual(
      7,
    );
    expect(during).toEqual([]);
  });

  it('reports a stopped spoke unreachable while the hub still answers at once', async () => {
    await spoke.stop();
    const unreachable = await eventually(
      async () => {
        const status = await clusterStatus('spoke');
        expect(status.state).toBe('unreachable');
        // The open watches end first ("Premature close"); their reconnects are refused.
        expect(status.reason).toMatch(/Namespace: .*ECONNREFUSED/);
        return status;
      },
      { timeoutMs: 30_000 },
    );
    expect(unreachable.lastGoodDataAt).toEqual(expect.any(String));

    const { body, ms } = await get<HubFluxObjectList>(
      '/api/hub/flux?cluster=hub',
    );
    expect(ms).toBeLessThan(1_000);
    expect(body.dataAge).toEqual([
      { cluster: 'hub', state: 'ready', ageMs: 0 },
    ]);
    const { body: all, ms: statusMs } = await get<HubClusterStatusList>(
      '/api/hub/status/clusters',
    );
    expect(statusMs).toBeLessThan(1_000);
    expect(all.dataAge.find(a => a.cluster === 'spoke')?.ageMs).toBeGreaterThan(
      0,
    );
  });

  it('never answers with a token or a client key', async () => {
    const kubeconfig = await readFile(spoke.state.kubeconfig, 'utf8');
    const clientKey = /client-key-data"?:\s*"?([A-Za-z0-9+/=]+)/.exec(
      kubeconfig,
    )?.[1];
    expect(clientKey).toBeDefined();
    const secrets = [
      readerToken,
      clientKey!,
      Buffer.from(clientKey!, 'base64').toString('utf8').split('\n')[1],
    ];
    expect(responses.length).toBeGreaterThan(10);
    for (const text of responses) {
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
      }
    }
  });
});

interface AuditEvent {
  verb: string;
  stage: string;
  user: { username: string };
  requestReceivedTimestamp: string;
  requestURI: string;
}

/** The requests `username` made, once each (the audit log has a line per stage). */
async function requestsBy(username: string): Promise<AuditEvent[]> {
  const log = await readFile(testbed.state.auditLogPath, 'utf8');
  return log
    .split('\n')
    .filter(line => line.includes(username))
    .map(line => JSON.parse(line) as AuditEvent)
    .filter(
      e => e.user.username === username && e.stage !== 'ResponseComplete',
    );
}

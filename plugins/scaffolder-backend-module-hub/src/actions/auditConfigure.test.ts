import {
  eventually,
  startTestbed,
  Testbed,
  testbedBinDir,
  uniqueName,
} from '@hubspoke/testbed';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  RbacAuthorizationV1Api,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles } from '../__testUtils__/listFiles';
import { runAction } from '../__testUtils__/runAction';
import { createAuditConfigureAction } from './auditConfigure';

jest.setTimeout(120_000);

interface AuditEvent {
  level: string;
  stage: string;
  verb: string;
  requestURI: string;
  objectRef?: { resource?: string; namespace?: string; name?: string };
  requestObject?: any;
  responseObject?: any;
}

const TENANT = uniqueName('tenant');
const OTHER = uniqueName('platform');
const action = createAuditConfigureAction({
  clusters: { defaultClusterName: () => 'hub' },
});

let testbed: Testbed;
let kubeConfig: KubeConfig;
let workspace: string;
let policyFile: string;

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'hub-audit-'));
  await runAction(
    action,
    { tenantNamespaces: [TENANT], gitopsDir: 'fleet' },
    { workspacePath: workspace },
  );
  policyFile = join(
    workspace,
    'fleet/infrastructure/control-plane/hub/audit/policy.yaml',
  );
  // A testbed of its own: the API server loads the generated policy at start-up and
  // refuses to start on one it cannot parse.
  testbed = await startTestbed({
    nodes: 0,
    fluxCRDs: true,
    auditPolicyFile: policyFile,
  });
  kubeConfig = testbed.kubeConfig();
  const core = kubeConfig.makeApiClient(CoreV1Api);
  for (const name of [TENANT, OTHER]) {
    await core.createNamespace({ body: { metadata: { name } } });
  }
}, 300_000);

afterAll(async () => {
  await testbed?.stop();
}, 120_000);

async function auditEvents(): Promise<AuditEvent[]> {
  const log = await readFile(testbed.state.auditLogPath, 'utf8');
  return log
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line) as AuditEvent);
}

/** The completed event of a request on a named object; waits for it to be written. */
function eventFor(verb: string, resource: string, name: string) {
  return eventually(
    async () => {
      const found = (await auditEvents()).find(
        e =>
          e.stage === 'ResponseComplete' &&
          e.verb === verb &&
          e.objectRef?.resource === resource &&
          e.objectRef?.name === name,
      );
      if (!found) throw new Error(`no ${verb} ${resource}/${name} event yet`);
      return found;
    },
    { timeoutMs: 20_000 },
  );
}

function getHealth(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, kubeConfig.getCurrentCluster()!.server);
    const options: Record<string, any> = {};
    kubeConfig.applyToHTTPSOptions(options);
    request(url, options, response => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('hub:audit:configure', () => {
  it('writes the policy and the kubeadm patch, and nothing in a dry run', async () => {
    expect(await listFiles(join(workspace, 'fleet'))).toEqual([
      'infrastructure/control-plane/hub/audit/kubeadm-cluster-configuration.yaml',
      'infrastructure/control-plane/hub/audit/policy.yaml',
    ]);
    const dry = await mkdtemp(join(tmpdir(), 'hub-audit-dry-'));
    const { outputs } = await runAction(
      action,
      { gitopsDir: 'fleet' },
      { workspacePath: dry, isDryRun: true },
    );
    expect(outputs.summary).toBe('2 files to write (dry run)');
    expect(await listFiles(dry)).toEqual([]);
  });

  it('outputs flags that the real kube-apiserver knows', async () => {
    const { outputs } = await runAction(action, {
      tenantNamespaces: [TENANT],
      mode: 'outputs',
    });
    const help = execFileSync(
      join(testbedBinDir(), 'kube-apiserver'),
      ['--help'],
      { encoding: 'utf8' },
    );
    expect(outputs.flags).toHaveLength(5);
    for (const flag of outputs.flags as string[]) {
      expect(help).toContain(`${flag.split('=')[0]} `);
    }
    expect(outputs.policy).toBe(await readFile(policyFile, 'utf8'));
    expect(outputs.kubeadmPatch).toContain('kind: ClusterConfiguration');
  });

  it('refuses bad input naming the field, before writing anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-audit-bad-'));
    await expect(
      runAction(
        action,
        { tenantNamespaces: ['Team_A'], maxBackups: -1 },
        { workspacePath: dir },
      ),
    ).rejects.toThrow(
      /tenantNamespaces\.0: must consist of lower-case.*maxBackups: must be at least 0/,
    );
    expect(await listFiles(dir)).toEqual([]);
  });

  it('logs a RoleBinding change with its request and response bodies', async () => {
    const name = uniqueName('reconciler');
    await kubeConfig
      .makeApiClient(RbacAuthorizationV1Api)
      .createNamespacedRoleBinding({
        namespace: TENANT,
        body: {
          metadata: { name },
          roleRef: {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'ClusterRole',
            name: 'view',
          },
          subjects: [
            {
              apiGroup: 'rbac.authorization.k8s.io',
              kind: 'User',
              name: 'alice',
            },
          ],
        },
      });
    const event = await eventFor('create', 'rolebindings', name);
    expect(event.level).toBe('RequestResponse');
    expect(event.requestObject.subjects).toEqual([
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice' },
    ]);
    expect(event.responseObject.metadata.uid).toBeDefined();
  });

  it('logs Secret writes and reads at Metadata, without their data', async () => {
    const name = uniqueName('credentials');
    const value = uniqueName('s3cr3t');
    const core = kubeConfig.makeApiClient(CoreV1Api);
    await core.createNamespacedSecret({
      namespace: TENANT,
      body: { metadata: { name }, stringData: { password: value } },
    });
    await core.readNamespacedSecret({ namespace: TENANT, name });
    const created = await eventFor('create', 'secrets', name);
    const read = await eventFor('get', 'secrets', name);
    for (const event of [created, read]) {
      expect(event.level).toBe('Metadata');
      expect(event.requestObject).toBeUndefined();
      expect(event.responseObject).toBeUndefined();
    }
    const log = await readFile(testbed.state.auditLogPath, 'utf8');
    expect(log).not.toContain(value);
    expect(log).not.toContain(Buffer.from(value).toString('base64'));
  });

  it('logs nothing for /readyz, /livez and /healthz', async () => {
    for (const path of ['/readyz', '/livez', '/healthz']) {
      expect(await getHealth(path)).toBe(200);
    }
    // A request after the probes: once its event is in the log, theirs would be too.
    const name = uniqueName('after-probes');
    await kubeConfig.makeApiClient(CoreV1Api).createNamespacedConfigMap({
      namespace: OTHER,
      body: { metadata: { name } },
    });
    const marker = await eventFor('create', 'configmaps', name);
    expect(marker.level).toBe('Metadata');
    const probes = (await auditEvents()).filter(e =>
      /^\/(readyz|livez|healthz)/.test(e.requestURI),
    );
    expect(probes).toEqual([]);
  });

  it('logs a tenant namespace relabelling with its body', async () => {
    await kubeConfig.makeApiClient(CoreV1Api).patchNamespace(
      {
        name: TENANT,
        body: { metadata: { labels: { 'toolkit.fluxcd.io/tenant': TENANT } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const event = await eventFor('patch', 'namespaces', TENANT);
    expect(event.level).toBe('RequestResponse');
    expect(event.requestObject.metadata.labels).toEqual({
      'toolkit.fluxcd.io/tenant': TENANT,
    });
  });

  it('logs Flux objects in tenant namespaces with the request body, elsewhere at Metadata', async () => {
    const custom = kubeConfig.makeApiClient(CustomObjectsApi);
    const name = uniqueName('app');
    for (const namespace of [TENANT, OTHER]) {
      await custom.createNamespacedCustomObject({
        group: 'source.toolkit.fluxcd.io',
        version: 'v1',
        namespace,
        plural: 'gitrepositories',
        body: {
          apiVersion: 'source.toolkit.fluxcd.io/v1',
          kind: 'GitRepository',
          metadata: { name },
          spec: {
            url: 'https://git.example.com/app.git',
            interval: '10m',
            ref: { branch: 'main' },
          },
        },
      });
    }
    const events = await eventually(
      async () => {
        const found = (await auditEvents()).filter(
          e =>
            e.stage === 'ResponseComplete' &&
            e.verb === 'create' &&
            e.objectRef?.name === name,
        );
        if (found.length < 2) throw new Error('both creates not logged yet');
        return found;
      },
      { timeoutMs: 20_000 },
    );
    const inTenant = events.find(e => e.objectRef?.namespace === TENANT)!;
    const elsewhere = events.find(e => e.objectRef?.namespace === OTHER)!;
    expect(inTenant.level).toBe('Request');
    expect(inTenant.requestObject.spec.url).toBe(
      'https://git.example.com/app.git',
    );
    expect(inTenant.responseObject).toBeUndefined();
    expect(elsewhere.level).toBe('Metadata');
    expect(elsewhere.requestObject).toBeUndefined();
  });
});

import { createApplyEngine } from '@hubspoke/backstage-plugin-hub-node';
import { startTestbed, Testbed, uniqueName } from '@hubspoke/testbed';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesObject,
} from '@kubernetes/client-node';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { listFiles } from '../__testUtils__/listFiles';
import { runAction, RunActionOptions } from '../__testUtils__/runAction';
import { connectorForHub } from '../__testUtils__/testbedClusters';
import { createBackupConfigureAction } from './backupConfigure';

jest.setTimeout(180_000);

const secrets = {
  backupAccessKeyId: 'AKIAHUBSPOKETEST',
  backupSecretAccessKey: uniqueName('secret-access-key'),
};
const storage = {
  bucket: 'hub-backups',
  prefix: 'hub',
  region: 'minio',
  s3Url: 'https://minio.example.com:9000',
};

let testbed: Testbed;
let kubeConfig: KubeConfig;
let action: ReturnType<typeof createBackupConfigureAction>;

// A testbed of its own with the Flux CRDs but no Flux controllers: the HelmRepository
// points at the public chart repository, which nothing here may try to reach.
beforeAll(async () => {
  testbed = await startTestbed({ nodes: 0, fluxCRDs: true });
  kubeConfig = testbed.kubeConfig();
  action = createBackupConfigureAction({
    clusters: connectorForHub({
      name: 'hub',
      auth: { type: 'kubeconfig', kubeconfigPath: testbed.state.kubeconfig },
    }),
  });
}, 300_000);

afterAll(async () => {
  await testbed?.stop();
}, 120_000);

function configure(input: object, options: RunActionOptions = {}) {
  return runAction(action, input, options);
}

async function namespaceExists(name: string): Promise<boolean> {
  return kubeConfig
    .makeApiClient(CoreV1Api)
    .readNamespace({ name })
    .then(
      () => true,
      error => {
        if (error.code === 404) return false;
        throw error;
      },
    );
}

function veleroObject(namespace: string, plural: string, name: string) {
  return kubeConfig.makeApiClient(CustomObjectsApi).getNamespacedCustomObject({
    group: 'velero.io',
    version: 'v1',
    namespace,
    plural,
    name,
  });
}

describe('hub:backup:configure input rules', () => {
  it.each([
    [
      { storage: { ...storage, bucket: 'Hub_Backups' } },
      'storage.bucket: must be a bucket name',
    ],
    [
      { storage: { ...storage, provider: 'azure' } },
      'storage.provider: must be one of aws',
    ],
    [
      { storage, tenants: [{ name: 'team-a', ttl: '2 weeks' }] },
      'tenants.0.ttl: must be a duration',
    ],
    [
      { storage, etcdSnapshot: { keep: 0 } },
      'etcdSnapshot.keep: must be at least 1',
    ],
    [
      { storage, namespace: 'Velero' },
      'namespace: must consist of lower-case letters',
    ],
  ])('refuses %j before touching the cluster', async (input, message) => {
    const namespace = uniqueName('velero-bad');
    await expect(
      configure({ namespace, ...input, mode: 'apply' }, { secrets }),
    ).rejects.toThrow(message);
    expect(await namespaceExists(namespace)).toBe(false);
  });

  it('refuses half a key pair, naming the secrets', async () => {
    await expect(
      configure(
        { storage, mode: 'apply' },
        { secrets: { backupAccessKeyId: 'AKIA' } },
      ),
    ).rejects.toThrow(
      'secrets: backupAccessKeyId and backupSecretAccessKey must be given together',
    );
  });
});

describe('hub:backup:configure in apply mode', () => {
  const namespace = uniqueName('velero');
  const input = {
    namespace,
    storage,
    tenants: [{ name: 'team-a' }, { name: 'team-b', namespaces: ['search'] }],
    etcdSnapshot: { keep: 3 },
    mode: 'apply',
  };

  it('writes nothing in a dry run', async () => {
    const { outputs } = await configure(input, { secrets, isDryRun: true });
    expect(outputs.summary).toMatch(/\(dry run\)$/);
    expect(
      outputs.objects.filter(
        (o: { kind: string; action: string }) =>
          o.kind !== 'CustomResourceDefinition' && o.action !== 'create',
      ),
    ).toEqual([]);
    expect(await namespaceExists(namespace)).toBe(false);
  });

  it('applies the Velero CRDs and objects that pass their schemas, and a second run changes nothing', async () => {
    const { outputs, logger } = await configure(input, { secrets });
    expect(outputs.veleroVersion).toBe('v1.18.3');
    expect(outputs.objects).toEqual(
      expect.arrayContaining([
        {
          kind: 'CustomResourceDefinition',
          name: 'schedules.velero.io',
          action: expect.any(String),
        },
        { kind: 'HelmRelease', namespace, name: 'velero', action: 'create' },
        {
          kind: 'HelmRepository',
          namespace,
          name: 'vmware-tanzu',
          action: 'create',
        },
        {
          kind: 'BackupStorageLocation',
          namespace,
          name: 'default',
          action: 'create',
        },
        {
          kind: 'Schedule',
          namespace,
          name: 'cluster-state',
          action: 'create',
        },
        {
          kind: 'Schedule',
          namespace,
          name: 'tenant-team-a',
          action: 'create',
        },
        {
          kind: 'Schedule',
          namespace,
          name: 'tenant-team-b',
          action: 'create',
        },
        { kind: 'CronJob', namespace, name: 'etcd-snapshot', action: 'create' },
        {
          kind: 'Secret',
          namespace,
          name: 'velero-credentials',
          action: 'create',
        },
      ]),
    );
    const location = (await veleroObject(
      namespace,
      'backupstoragelocations',
      'default',
    )) as any;
    expect(location.spec.config.s3Url).toBe('https://minio.example.com:9000');
    const tenantB = (await veleroObject(
      namespace,
      'schedules',
      'tenant-team-b',
    )) as any;
    expect(tenantB.spec.template.includedNamespaces).toEqual(['search']);

    const secret = await kubeConfig
      .makeApiClient(CoreV1Api)
      .readNamespacedSecret({ namespace, name: 'velero-credentials' });
    expect(Buffer.from(secret.data!.cloud, 'base64').toString()).toBe(
      `[default]\naws_access_key_id=${secrets.backupAccessKeyId}\naws_secret_access_key=${secrets.backupSecretAccessKey}\n`,
    );
    const logged = JSON.stringify([
      logger.info.mock.calls,
      logger.warn.mock.calls,
    ]);
    expect(logged).not.toContain(secrets.backupSecretAccessKey);

    const again = await configure(input, { secrets });
    expect(
      again.outputs.objects.filter(
        (o: { action: string }) => o.action !== 'unchanged',
      ),
    ).toEqual([]);
  });

  it('is held to the Velero schema: the API server refuses a storage location it does not allow', async () => {
    await expect(
      kubeConfig.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
        group: 'velero.io',
        version: 'v1',
        namespace,
        plural: 'backupstoragelocations',
        body: {
          apiVersion: 'velero.io/v1',
          kind: 'BackupStorageLocation',
          metadata: { name: 'broken' },
          spec: { provider: 'aws', objectStorage: {}, accessMode: 'Sometimes' },
        },
      }),
    ).rejects.toMatchObject({ code: 422 });
  });
});

describe('hub:backup:configure in gitops mode', () => {
  it('writes nothing in a dry run', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'hub-backup-dry-'));
    const { outputs } = await configure(
      { storage, gitopsDir: 'fleet' },
      { workspacePath: workspace, isDryRun: true },
    );
    expect(outputs.summary).toMatch(/files to write \(dry run\)$/);
    expect(await listFiles(workspace)).toEqual([]);
  });

  it('commits everything but the Secret, which goes to the cluster; the files apply cleanly', async () => {
    const namespace = uniqueName('velero-git');
    const workspace = await mkdtemp(join(tmpdir(), 'hub-backup-'));
    const { outputs } = await configure(
      { namespace, storage, tenants: [{ name: 'team-a' }], gitopsDir: 'fleet' },
      { workspacePath: workspace, secrets },
    );
    const root = 'infrastructure/backup/hub';
    expect(await listFiles(join(workspace, 'fleet'))).toEqual([
      'clusters/hub/infrastructure/kustomization.yaml',
      `${root}/backupstoragelocation-default.yaml`,
      `${root}/crds.yaml`,
      `${root}/cronjob-etcd-snapshot.yaml`,
      `${root}/helmrelease-velero.yaml`,
      `${root}/helmrepository-vmware-tanzu.yaml`,
      `${root}/kustomization.yaml`,
      `${root}/namespace-${namespace}.yaml`,
      `${root}/schedule-cluster-state.yaml`,
      `${root}/schedule-tenant-team-a.yaml`,
    ]);
    expect(outputs.files).toHaveLength(10);
    expect(
      await readFile(
        join(workspace, 'fleet/clusters/hub/infrastructure/kustomization.yaml'),
        'utf8',
      ),
    ).toContain('../../../infrastructure/backup/hub');

    const texts = await Promise.all(
      (await listFiles(join(workspace, 'fleet', root)))
        .filter(name => name !== 'kustomization.yaml')
        .map(name => readFile(join(workspace, 'fleet', root, name), 'utf8')),
    );
    expect(texts.join('\n')).not.toContain(
      Buffer.from(secrets.backupSecretAccessKey).toString('base64'),
    );
    const secret = await kubeConfig
      .makeApiClient(CoreV1Api)
      .readNamespacedSecret({ namespace, name: 'velero-credentials' });
    expect(secret.data?.cloud).toBeDefined();

    // What Flux would apply from the folder, applied for real: every object passes.
    const objects = texts.flatMap(text =>
      parseAllDocuments(text).map(d => d.toJS() as KubernetesObject),
    );
    const report = await createApplyEngine({ kubeConfig }).apply(objects, {
      force: true,
    });
    expect(report.objects.map(o => o.kind)).toEqual(
      expect.arrayContaining([
        'Namespace',
        'HelmRelease',
        'BackupStorageLocation',
        'Schedule',
        'CronJob',
      ]),
    );
  });
});

import { connectToTestbed, testbedBinDir, uniqueName } from '@hubspoke/testbed';
import { CoreV1Api } from '@kubernetes/client-node';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configMapEtcdKey, writeBackupMarker } from './backupMarker';
import { checkEtcdEndpoint, saveEtcdSnapshot } from './etcdSnapshot';
import { readEtcdKey, restoreIntoThrowawayEtcd } from './throwawayEtcd';
import { verifyEtcdBackup } from './verifyEtcdBackup';

jest.setTimeout(120_000);

const { state, kubeConfig } = connectToTestbed();
const tools = { binDir: testbedBinDir() };
const connection = { endpoint: state.etcdClientURLs[0] };
const NAMESPACE = 'default';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'etcd-verify-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('verifyEtcdBackup', () => {
  it('restores a real snapshot in which the marker written before it survives', async () => {
    const marker = await writeBackupMarker(
      kubeConfig,
      NAMESPACE,
      uniqueName('marker'),
    );
    const checks = await verifyEtcdBackup({
      connection,
      snapshotFile: join(dir, 'verify.db'),
      marker,
      tools,
    });
    expect(checks.map(c => [c.id, c.status])).toEqual([
      ['backups.etcd-snapshot', 'pass'],
      ['backups.etcd-restore', 'pass'],
      ['backups.etcd-marker', 'pass'],
    ]);
    const revision = Number(
      checks[0].evidence.find(e => e.startsWith('revision '))!.split(' ')[1],
    );
    expect(revision).toBeGreaterThanOrEqual(Number(marker.resourceVersion));
    expect(checks[0].evidence).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^size \d+ bytes$/),
        expect.stringMatching(/^hash \d+$/),
      ]),
    );
  });

  it('is a snapshot, not a live read: a ConfigMap written after it is absent from the restore', async () => {
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const before = await writeBackupMarker(
      kubeConfig,
      NAMESPACE,
      uniqueName('before'),
    );
    const snapshotFile = join(dir, 'point-in-time.db');
    await saveEtcdSnapshot(connection, snapshotFile, tools);
    const after = uniqueName('after');
    await core.createNamespacedConfigMap({
      namespace: NAMESPACE,
      body: {
        metadata: { name: after },
        data: { written: 'after the snapshot' },
      },
    });
    // The live etcd has it; the restored one must not.
    expect(
      await readEtcdKey(
        connection.endpoint,
        configMapEtcdKey(NAMESPACE, after),
        tools,
      ),
    ).toBeDefined();

    const etcd = await restoreIntoThrowawayEtcd(
      snapshotFile,
      await mkdtemp(join(dir, 'restore-')),
      tools,
    );
    try {
      const restoredBefore = await readEtcdKey(
        etcd.endpoint,
        before.key,
        tools,
      );
      expect(restoredBefore?.includes(Buffer.from(before.nonce))).toBe(true);
      expect(
        await readEtcdKey(
          etcd.endpoint,
          configMapEtcdKey(NAMESPACE, after),
          tools,
        ),
      ).toBeUndefined();
    } finally {
      await etcd.stop();
    }
  });

  it('fails a marker that is not in the snapshot', async () => {
    const checks = await verifyEtcdBackup({
      connection,
      snapshotFile: join(dir, 'no-marker.db'),
      marker: {
        key: configMapEtcdKey(NAMESPACE, uniqueName('never-written')),
        nonce: 'x',
        resourceVersion: '1',
      },
      tools,
    });
    expect(checks[2]).toMatchObject({
      id: 'backups.etcd-marker',
      status: 'fail',
      reason: expect.stringContaining('is missing from the restored etcd'),
    });
  });

  it('reports an etcd that does not answer', async () => {
    await expect(
      checkEtcdEndpoint({ endpoint: 'http://127.0.0.1:1' }, tools),
    ).rejects.toThrow(
      'etcdctl failed: http://127.0.0.1:1 is unhealthy: failed to commit proposal: context deadline exceeded',
    );
  });
});

import { connectToTestbed, testbedBinDir, uniqueName } from '@hubspoke/testbed';
import { CoreV1Api } from '@kubernetes/client-node';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../__testUtils__/runAction';
import { adminConnector } from '../__testUtils__/testbedClusters';
import { createBackupVerifyAction } from './backupVerify';

jest.setTimeout(120_000);

const { state, kubeConfig } = connectToTestbed();
const etcdBinDir = testbedBinDir();
const action = createBackupVerifyAction({
  clusters: adminConnector(state.kubeconfig),
  backup: { etcdBinDir },
});

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

describe('hub:backup:verify', () => {
  it('restores a real snapshot of the testbed etcd and finds the marker in it', async () => {
    const snapshotDir = await mkdtemp(join(tmpdir(), 'hub-verify-'));
    const markerName = uniqueName('marker');
    const { outputs, logger } = await runAction(action, {
      etcdEndpoint: state.etcdClientURLs[0],
      snapshotDir,
      markerName,
    });
    expect(outputs.passed).toBe(true);
    expect(outputs.summary).toBe('3 passed, 0 warnings, 0 failed');
    expect(outputs.report).toMatchObject({
      cluster: 'testbed',
      status: 'pass',
    });
    const [snapshot, restore, marker] = outputs.report.checks;
    expect(snapshot.evidence).toEqual(
      expect.arrayContaining([
        `file ${outputs.snapshotFile}`,
        `size ${(await stat(outputs.snapshotFile)).size} bytes`,
        expect.stringMatching(/^revision \d+$/),
        expect.stringMatching(/^hash \d+$/),
      ]),
    );
    expect(restore.evidence).toEqual(
      expect.arrayContaining([expect.stringMatching(/^restored in \d+ ms$/)]),
    );
    expect(marker).toMatchObject({ id: 'backups.etcd-marker', status: 'pass' });
    expect(marker.evidence[0]).toBe(
      `key /registry/configmaps/default/${markerName}`,
    );
    const written = await kubeConfig
      .makeApiClient(CoreV1Api)
      .readNamespacedConfigMap({ namespace: 'default', name: markerName });
    expect(written.data?.nonce).toMatch(/^[0-9a-f-]{36}$/);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('[pass] Marker object survives the restore'),
    );
    await rm(snapshotDir, { recursive: true, force: true });
  });

  it('fails on an etcd that does not answer, naming the field', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    await expect(runAction(action, { etcdEndpoint: endpoint })).rejects.toThrow(
      `etcdEndpoint: etcd at ${endpoint} does not answer: etcdctl failed: ${endpoint} is unhealthy`,
    );
    const fromConfig = createBackupVerifyAction({
      clusters: adminConnector(state.kubeconfig),
      backup: { etcdBinDir, etcd: { endpoint } },
    });
    await expect(runAction(fromConfig, {})).rejects.toThrow(
      `hubspoke.backup.etcd.endpoint: etcd at ${endpoint} does not answer`,
    );
  });

  it.each([
    [
      { etcdEndpoint: '127.0.0.1:2379' },
      {},
      'etcdEndpoint: must be the client URL of one etcd member',
    ],
    [{}, {}, 'etcdEndpoint: is required'],
    [
      { etcdEndpoint: 'https://127.0.0.1:2379' },
      {},
      'secrets: etcdCaCert, etcdClientCert and etcdClientKey are required for https://127.0.0.1:2379',
    ],
    [
      { etcdEndpoint: 'https://127.0.0.1:2379' },
      { etcdCaCert: 'pem' },
      'secrets: etcdCaCert, etcdClientCert, etcdClientKey must be given together (etcdCaCert given)',
    ],
    [
      { etcdEndpoint: state.etcdClientURLs[0] },
      { etcdCaCert: 'a', etcdClientCert: 'b', etcdClientKey: 'c' },
      'secrets.etcdClientCert: is for an https:// etcd endpoint',
    ],
  ])(
    'refuses %j with secrets %j before doing anything',
    async (input, secrets, message) => {
      await expect(runAction(action, input, { secrets })).rejects.toThrow(
        message,
      );
    },
  );

  it('only checks that etcd answers in a dry run', async () => {
    const markerName = uniqueName('dry-marker');
    const { outputs } = await runAction(
      action,
      { etcdEndpoint: state.etcdClientURLs[0], markerName },
      { isDryRun: true },
    );
    expect(outputs.summary).toMatch(/answers; nothing written \(dry run\)$/);
    await expect(
      kubeConfig
        .makeApiClient(CoreV1Api)
        .readNamespacedConfigMap({ namespace: 'default', name: markerName }),
    ).rejects.toMatchObject({ code: 404 });
  });
});

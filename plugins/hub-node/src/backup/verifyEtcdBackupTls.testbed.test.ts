import { testbedBinDir, uniqueName } from '@hubspoke/testbed';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTlsEtcd, TlsEtcd } from './__testUtils__/startTlsEtcd';
import { configMapEtcdKey } from './backupMarker';
import { runEtcdTool } from './etcdTools';
import { verifyEtcdBackup } from './verifyEtcdBackup';

jest.setTimeout(120_000);

const tools = { binDir: testbedBinDir() };
let etcd: TlsEtcd;
let dir: string;

beforeAll(async () => {
  etcd = await startTlsEtcd(tools.binDir);
  dir = await mkdtemp(join(tmpdir(), 'etcd-verify-tls-'));
}, 60_000);

afterAll(async () => {
  await etcd?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('verifyEtcdBackup against an etcd that requires client certificates', () => {
  it('snapshots with the client certificate, restores and finds the marker', async () => {
    const key = configMapEtcdKey('kube-system', uniqueName('marker'));
    const nonce = uniqueName('nonce');
    const connection = { endpoint: etcd.endpoint, tls: etcd.tls };
    await runEtcdTool(
      'etcdctl',
      [
        `--endpoints=${etcd.endpoint}`,
        `--cacert=${etcd.tls.caFile}`,
        `--cert=${etcd.tls.certFile}`,
        `--key=${etcd.tls.keyFile}`,
        'put',
        key,
        `k8s:${nonce}`,
      ],
      tools,
    );
    const checks = await verifyEtcdBackup({
      connection,
      snapshotFile: join(dir, 'tls.db'),
      marker: { key, nonce, resourceVersion: '2' },
      tools,
    });
    expect(checks.map(c => c.status)).toEqual(['pass', 'pass', 'pass']);
  });
});

import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  closeSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runEtcdTool } from '../etcdTools';
import { freeLoopbackPort } from '../throwawayEtcd';

export interface TlsEtcd {
  endpoint: string;
  tls: { caFile: string; certFile: string; keyFile: string };
  stop(): Promise<void>;
}

function openssl(dir: string, args: string[]) {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A CA and a certificate it signs for `name`, with the given extensions. */
function issue(dir: string, name: string, extensions: string) {
  openssl(dir, [
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=${name}`,
  ]);
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '1',
    '-out',
    `${name}.crt`,
    '-extfile',
    `${name}.ext`,
  ]);
}

/**
 * An etcd like kubeadm's: clients must present a certificate signed by its CA. The
 * certificates come from Debian's openssl, for this test only.
 */
export async function startTlsEtcd(binDir: string): Promise<TlsEtcd> {
  const dir = mkdtempSync(join(tmpdir(), 'tls-etcd-'));
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '1',
    '-subj',
    '/CN=test-etcd-ca',
  ]);
  issue(
    dir,
    'server',
    'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
  );
  issue(dir, 'client', 'extendedKeyUsage=clientAuth\n');

  const endpoint = `https://127.0.0.1:${await freeLoopbackPort()}`;
  const peer = `http://127.0.0.1:${await freeLoopbackPort()}`;
  const log = openSync(join(dir, 'etcd.log'), 'w');
  const etcd = spawn(
    join(binDir, 'etcd'),
    [
      '--name=tls',
      `--data-dir=${join(dir, 'data')}`,
      `--listen-client-urls=${endpoint}`,
      `--advertise-client-urls=${endpoint}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=tls=${peer}`,
      `--cert-file=${join(dir, 'server.crt')}`,
      `--key-file=${join(dir, 'server.key')}`,
      '--client-cert-auth',
      `--trusted-ca-file=${join(dir, 'ca.crt')}`,
      '--unsafe-no-fsync',
    ],
    { stdio: ['ignore', log, log] },
  );
  closeSync(log);
  const tls = {
    caFile: join(dir, 'ca.crt'),
    certFile: join(dir, 'client.crt'),
    keyFile: join(dir, 'client.key'),
  };
  const stop = async () => {
    if (etcd.exitCode === null) {
      etcd.kill('SIGTERM');
      await once(etcd, 'exit');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const tlsArgs = [
    `--endpoints=${endpoint}`,
    `--cacert=${tls.caFile}`,
    `--cert=${tls.certFile}`,
    `--key=${tls.keyFile}`,
  ];
  for (let attempt = 0; ; attempt++) {
    try {
      await runEtcdTool('etcdctl', [...tlsArgs, 'endpoint', 'health'], {
        binDir,
      });
      return { endpoint, tls, stop };
    } catch (error) {
      if (attempt > 100) {
        await stop();
        throw error;
      }
      await sleep(200);
    }
  }
}

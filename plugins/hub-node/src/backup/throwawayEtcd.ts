import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { etcdToolPath, EtcdToolsOptions, runEtcdTool } from './etcdTools';

const MEMBER = 'hubspoke-restore';

/** A port nothing listens on right now, on loopback. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** An etcd serving a restored data folder on loopback. */
export interface ThrowawayEtcd {
  endpoint: string;
  /** Milliseconds from `etcdutl snapshot restore` to a healthy member. */
  restoreMs: number;
  startMs: number;
  stop(): Promise<void>;
}

/**
 * Restores `snapshotFile` with `etcdutl snapshot restore` into `workDir`/data (a new
 * single-member cluster) and starts an etcd on it on free loopback ports.
 */
export async function restoreIntoThrowawayEtcd(
  snapshotFile: string,
  workDir: string,
  options: EtcdToolsOptions,
): Promise<ThrowawayEtcd> {
  const dataDir = join(workDir, 'data');
  const peer = `http://127.0.0.1:${await freeLoopbackPort()}`;
  const endpoint = `http://127.0.0.1:${await freeLoopbackPort()}`;
  const cluster = [
    `--initial-cluster=${MEMBER}=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
  ];

  const restoreStart = Date.now();
  await runEtcdTool(
    'etcdutl',
    [
      'snapshot',
      'restore',
      snapshotFile,
      `--data-dir=${dataDir}`,
      `--name=${MEMBER}`,
      ...cluster,
    ],
    options,
  );
  const restoreMs = Date.now() - restoreStart;

  const startStart = Date.now();
  const log = openSync(join(workDir, 'etcd.log'), 'w');
  const etcd = spawn(
    etcdToolPath('etcd', options),
    [
      `--name=${MEMBER}`,
      `--data-dir=${dataDir}`,
      `--listen-client-urls=${endpoint}`,
      `--advertise-client-urls=${endpoint}`,
      `--listen-peer-urls=${peer}`,
      ...cluster,
    ],
    { stdio: ['ignore', log, log] },
  );
  closeSync(log);
  const exited = once(etcd, 'exit');
  const stop = async () => {
    if (etcd.exitCode === null && etcd.signalCode === null) {
      etcd.kill('SIGTERM');
      const timer = setTimeout(() => etcd.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await waitHealthy(endpoint, options, () => etcd.exitCode !== null);
  } catch (error) {
    await stop();
    throw new Error(
      `the restored etcd did not become healthy (log: ${join(
        workDir,
        'etcd.log',
      )}): ${(error as Error).message}`,
    );
  }
  return { endpoint, restoreMs, startMs: Date.now() - startStart, stop };
}

async function waitHealthy(
  endpoint: string,
  options: EtcdToolsOptions,
  hasExited: () => boolean,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (hasExited()) throw new Error('etcd exited');
    try {
      await runEtcdTool(
        'etcdctl',
        [`--endpoints=${endpoint}`, '--dial-timeout=2s', 'endpoint', 'health'],
        options,
      );
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(200);
    }
  }
}

/** The raw value of `key`, or undefined when the key does not exist. */
export async function readEtcdKey(
  endpoint: string,
  key: string,
  options: EtcdToolsOptions,
): Promise<Buffer | undefined> {
  const out = await runEtcdTool(
    'etcdctl',
    [`--endpoints=${endpoint}`, 'get', key, '--write-out=json'],
    options,
  );
  const [kv] =
    (JSON.parse(out) as { kvs?: Array<{ value: string }> }).kvs ?? [];
  return kv && Buffer.from(kv.value, 'base64');
}

import { eventually } from '@hubspoke/testbed';
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { freePort } from './loopbackServers';

// Debian's packages, as the project machine and CI install them.
const PROMETHEUS = '/usr/bin/prometheus';
const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';

export interface RunningServer {
  /** http://127.0.0.1:<port> */
  url: string;
  logFile: string;
  /** GET a JSON API path, failing on any status but 200. */
  getJson(path: string): Promise<any>;
  stop(): Promise<void>;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Starts `binary` on a free loopback port and waits until its /-/ready answers. */
async function startServer(
  name: string,
  binary: string,
  dir: string,
  args: (port: number) => string[],
): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(dir, `${name}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(binary, args(port), { stdio: ['ignore', log, log] });
  closeSync(log);
  const getJson = async (path: string) => {
    const response = await fetch(`${url}${path}`);
    if (!response.ok) {
      throw new Error(
        `${name} GET ${path}: ${response.status} ${await response.text()}`,
      );
    }
    return response.json();
  };
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`${name} exited: ${readFileSync(logFile, 'utf8')}`);
        }
        const response = await fetch(`${url}/-/ready`);
        expect(response.status).toBe(200);
      },
      { timeoutMs: 60_000 },
    );
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, logFile, getJson, stop: () => stopChild(child) };
}

/** A real Prometheus with `config` (YAML-able), its TSDB and files in `dir`. */
export async function startPrometheus(
  dir: string,
  config: object,
): Promise<RunningServer> {
  await mkdir(join(dir, 'prometheus-data'), { recursive: true });
  const configFile = join(dir, 'prometheus.yaml');
  await writeFile(configFile, stringify(config));
  return startServer('prometheus', PROMETHEUS, dir, port => [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${join(dir, 'prometheus-data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ]);
}

/** A real Alertmanager with `config`, on its own (no cluster peers). */
export async function startAlertmanager(
  dir: string,
  config: object,
): Promise<RunningServer> {
  await mkdir(join(dir, 'alertmanager-data'), { recursive: true });
  const configFile = join(dir, 'alertmanager.yaml');
  await writeFile(configFile, stringify(config));
  return startServer('alertmanager', ALERTMANAGER, dir, port => [
    `--config.file=${configFile}`,
    `--storage.path=${join(dir, 'alertmanager-data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=',
  ]);
}

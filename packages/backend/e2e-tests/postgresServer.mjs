// A throw-away PostgreSQL server from Debian's packages, on a loopback port.
import { spawn, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  writeFileSync,
  chmodSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).sort((a, b) => Number(b) - Number(a))
    : [];
  const bin = versions
    .map(v => join(root, v, 'bin'))
    .find(dir => existsSync(join(dir, 'initdb')));
  if (!bin) {
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql: apt-get install postgresql',
    );
  }
  return bin;
}

// PostgreSQL refuses to run as root; the Debian package's postgres user runs it.
function asPostgresUser(command, args) {
  return process.getuid() === 0
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
}

export async function startPostgres({ port, user, password }) {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'hubspoke-pg-'));
  chmodSync(dir, 0o777);
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, password);
  chmodSync(passwordFile, 0o644);
  if (process.getuid() === 0) {
    execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  }
  const dataDir = join(dir, 'data');
  const [initCommand, initArgs] = asPostgresUser(join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    user,
    `--pwfile=${passwordFile}`,
    '--auth=scram-sha-256',
    '--no-sync',
  ]);
  execFileSync(initCommand, initArgs, { stdio: 'pipe' });

  const [command, args] = asPostgresUser(join(bin, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
  ]);
  const server = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr.on('data', chunk => (log += chunk));
  await waitUntilReady(join(bin, 'pg_isready'), port, () => log);
  return {
    port,
    async stop() {
      // runuser does not pass signals on to postgres, so ask pg_ctl for a fast shutdown.
      const exited = new Promise(resolve => server.once('exit', resolve));
      const [stopCommand, stopArgs] = asPostgresUser(join(bin, 'pg_ctl'), [
        'stop',
        '-D',
        dataDir,
        '-m',
        'fast',
      ]);
      execFileSync(stopCommand, stopArgs, { stdio: 'pipe' });
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilReady(pgIsReady, port, readLog) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      execFileSync(pgIsReady, ['-h', '127.0.0.1', '-p', String(port)], {
        stdio: 'ignore',
      });
      return;
    } catch {
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }
  throw new Error(
    `PostgreSQL did not accept connections on 127.0.0.1:${port} within 30 s:\n${readLog()}`,
  );
}

import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { testbedBinDir } from '../findRepoRoot';
import { readLogTail } from '../readLogTail';
import { gitEnv } from './gitEnv';
import { waitForReadyLine } from '../readyLine';

const execFileAsync = promisify(execFile);

/** Where a repository lives and the basic-auth credentials that read and push it. */
export interface GitRemote {
  /** `http://127.0.0.1:PORT/NAME.git`, without credentials. */
  url: string;
  username: string;
  password: string;
}

export interface GitServerRepository extends GitRemote {
  name: string;
  /** The bare repository on disk. */
  path: string;
}

export interface GitServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  username: string;
  password: string;
  /** The folder holding the bare repositories. */
  root: string;
  logFile: string;
  /** Creates an empty bare repository `NAME.git` whose default branch is `main`. */
  createRepository(name: string): Promise<GitServerRepository>;
  /** Stops the server and removes its repositories (and its log when empty). */
  stop(): Promise<void>;
}

export interface StartGitServerOptions {
  /** Where the `gitserver` binary is; defaults to testbed/.build/bin. */
  binDir?: string;
  /** Defaults to `git`. */
  username?: string;
  /** Defaults to a random one. */
  password?: string;
  readyTimeoutMs?: number;
}

/**
 * Starts testbed/cmd/gitserver on a free loopback port: `git http-backend` behind HTTP
 * basic auth, serving bare repositories from a new temporary folder. Clones and pushes
 * need the credentials; Flux reads them from a Secret with `username` and `password`.
 */
export async function startGitServer(
  options: StartGitServerOptions = {},
): Promise<GitServer> {
  const binDir = options.binDir ?? testbedBinDir();
  const username = options.username ?? 'git';
  const password = options.password ?? randomBytes(12).toString('hex');
  const workDir = await mkdtemp(join(tmpdir(), 'hubspoke-gitserver-'));
  const root = join(workDir, 'repositories');
  const logFile = join(workDir, 'gitserver.log');
  await mkdir(root);

  const logFd = openSync(logFile, 'w');
  const server = spawn(
    join(binDir, 'gitserver'),
    ['--root', root, '--username', username],
    {
      stdio: ['ignore', 'pipe', logFd],
      env: { ...process.env, GITSERVER_PASSWORD: password },
    },
  );
  closeSync(logFd);
  const exited = new Promise<void>(resolve => {
    server.once('exit', () => resolve());
    server.once('error', () => resolve());
  });
  const killOnExit = () => server.kill('SIGKILL');
  process.once('exit', killOnExit);

  let url: string;
  try {
    url = await readyUrl(server, exited, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    server.kill('SIGKILL');
    await exited;
    process.removeListener('exit', killOnExit);
    const log = readLogTail(logFile);
    await rm(workDir, { recursive: true, force: true });
    throw new Error(
      `gitserver did not start: ${(error as Error).message}\n${log}`,
    );
  }

  let stopping: Promise<void> | undefined;
  return {
    url,
    username,
    password,
    root,
    logFile,
    async createRepository(name) {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
        throw new Error(`Invalid repository name "${name}"`);
      }
      const path = join(root, `${name}.git`);
      await execFileAsync(
        'git',
        ['init', '--quiet', '--bare', '--initial-branch=main', path],
        { env: gitEnv() },
      );
      return { name, path, url: `${url}/${name}.git`, username, password };
    },
    stop() {
      stopping ??= (async () => {
        if (server.exitCode === null && server.signalCode === null) {
          server.kill('SIGTERM');
          const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
        process.removeListener('exit', killOnExit);
        // The log is kept only when the server complained.
        const keepLog = (await stat(logFile)).size > 0;
        await rm(keepLog ? root : workDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

function readyUrl(
  server: ChildProcess,
  exited: Promise<void>,
  timeoutMs: number,
): Promise<string> {
  const exitError = exited.then(
    () =>
      new Error(
        `gitserver exited before READY (${
          server.signalCode ?? `exit code ${server.exitCode}`
        })`,
      ),
  );
  return waitForReadyLine(
    server,
    exitError,
    /^READY (http:\/\/\S+)$/,
    timeoutMs,
  );
}

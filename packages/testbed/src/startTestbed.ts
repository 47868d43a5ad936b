import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { testbedBinDir } from './findRepoRoot';
import { isProcessRunning, stopProcess } from './processes';
import { readLogTail } from './readLogTail';
import { readTestbedState } from './readTestbedState';
import { TestbedState } from './types';
import { waitForReadyLine } from './readyLine';

export interface StartTestbedOptions {
  etcdMembers?: 1 | 3;
  /** Two apiservers need root: the launcher runs each under `unshare --uts`. */
  apiservers?: 1 | 2;
  nodes?: number;
  auditPolicyFile?: string;
  fluxCRDs?: boolean;
  /** Runs the Flux controllers in flux-system too (implies `fluxCRDs`). */
  flux?: boolean;
  /** Where the launcher and the binaries are; defaults to testbed/.build/bin. */
  binDir?: string;
  /** Defaults to 4 minutes, beyond the launcher's own 3 minute start-up limit. */
  readyTimeoutMs?: number;
  /** How long the launcher gets to stop its children before it is SIGKILLed. */
  stopTimeoutMs?: number;
}

export interface Testbed {
  state: TestbedState;
  /** The testbed.json the launcher wrote; what HUBSPOKE_TESTBED_STATE points at. */
  stateFile: string;
  /** The launcher's own messages (its stderr). */
  launcherLogFile: string;
  /** A fresh admin KubeConfig (system:masters) for the first apiserver. */
  kubeConfig(): KubeConfig;
  /** Stops every process and removes the etcd data; logs and testbed.json stay. */
  stop(): Promise<void>;
}

type LauncherExit = {
  code: number | null;
  signal: string | null;
  error?: Error;
};

export async function startTestbed(
  options: StartTestbedOptions = {},
): Promise<Testbed> {
  const binDir = options.binDir ?? testbedBinDir();
  const workDir = await mkdtemp(join(tmpdir(), 'hubspoke-testbed-'));
  // The launcher wants a new or empty --dir, so its own log lives beside it.
  const dir = join(workDir, 'testbed');
  const launcherLogFile = join(workDir, 'launcher.log');

  const logFd = openSync(launcherLogFile, 'w');
  // Not detached: a Ctrl-C on the test run also reaches the launcher, which then
  // stops the control plane in order.
  const launcher = spawn(join(binDir, 'testbed'), launcherArgs(dir, options), {
    stdio: ['ignore', 'pipe', logFd],
  });
  closeSync(logFd);
  const exited = new Promise<LauncherExit>(resolve => {
    launcher.once('error', error =>
      resolve({ code: null, signal: null, error }),
    );
    launcher.once('exit', (code, signal) => resolve({ code, signal }));
  });
  // A test process that exits without stop() must not leave the testbed behind;
  // SIGKILL on the launcher brings its children down through Pdeathsig.
  const killOnExit = () => launcher.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stopTimeoutMs = options.stopTimeoutMs ?? 60_000;

  let stateFile: string;
  let state: TestbedState;
  try {
    stateFile = await readyStateFile(
      launcher,
      exited,
      options.readyTimeoutMs ?? 240_000,
    );
    state = readTestbedState(stateFile);
  } catch (error) {
    await stopLauncher(launcher, exited, stopTimeoutMs);
    process.removeListener('exit', killOnExit);
    throw new Error(
      `Testbed in ${dir} did not start: ${(error as Error).message}\n` +
        `Launcher log ${launcherLogFile}:\n${readLogTail(launcherLogFile)}`,
    );
  }

  let stopping: Promise<void> | undefined;
  return {
    state,
    stateFile,
    launcherLogFile,
    kubeConfig() {
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromFile(state.kubeconfig);
      return kubeConfig;
    },
    stop() {
      stopping ??= (async () => {
        await stopLauncher(launcher, exited, stopTimeoutMs);
        process.removeListener('exit', killOnExit);
        await stopLeftoverProcesses(state);
        // Each etcd member preallocates 64 MB of WAL; nothing in it helps a post-mortem.
        await rm(state.dataDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

function launcherArgs(dir: string, options: StartTestbedOptions): string[] {
  const args = ['up', '--dir', dir];
  if (options.etcdMembers) {
    args.push('--etcd-members', String(options.etcdMembers));
  }
  if (options.apiservers) {
    args.push('--apiservers', String(options.apiservers));
  }
  if (options.nodes !== undefined) {
    args.push('--nodes', String(options.nodes));
  }
  if (options.auditPolicyFile) {
    args.push('--audit-policy', options.auditPolicyFile);
  }
  if (options.fluxCRDs) {
    args.push('--flux-crds');
  }
  if (options.flux) {
    args.push('--flux');
  }
  return args;
}

/** Resolves with the testbed.json path from the launcher's `READY <path>` line. */
function readyStateFile(
  launcher: ChildProcess,
  exited: Promise<LauncherExit>,
  timeoutMs: number,
): Promise<string> {
  const exitError = exited.then(
    exit =>
      exit.error ??
      new Error(
        `the launcher exited before READY (${
          exit.signal ?? `exit code ${exit.code}`
        })`,
      ),
  );
  return waitForReadyLine(launcher, exitError, /^READY (.+)$/, timeoutMs);
}

async function stopLauncher(
  launcher: ChildProcess,
  exited: Promise<LauncherExit>,
  timeoutMs: number,
): Promise<void> {
  if (
    launcher.exitCode !== null ||
    launcher.signalCode !== null ||
    !launcher.pid
  ) {
    return;
  }
  launcher.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>(resolve => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const result = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') {
    // The children run with Pdeathsig, so they die with the launcher.
    launcher.kill('SIGKILL');
    await exited;
  }
}

/** A launcher that was SIGKILLed leaves its children to Pdeathsig; make sure of it. */
async function stopLeftoverProcesses(state: TestbedState): Promise<void> {
  await Promise.all(
    state.processes
      .filter(p => isProcessRunning(p.pid, p.binary))
      .map(p => stopProcess(p.pid, { binary: p.binary, timeoutMs: 5_000 })),
  );
}

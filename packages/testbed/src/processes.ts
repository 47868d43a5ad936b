import { readlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Whether `pid` is a live process, and when `binary` is given, one running that
 * binary: PIDs get reused, and a zombie has no executable left.
 */
export function isProcessRunning(pid: number, binary?: string): boolean {
  let exe: string;
  try {
    exe = readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return false;
  }
  if (!binary) {
    return true;
  }
  // build.sh replaces binaries with mv, so a running copy may show as deleted.
  return exe === binary || exe === `${binary} (deleted)`;
}

export interface StopProcessOptions {
  binary?: string;
  /** The first signal; defaults to SIGTERM. */
  signal?: NodeJS.Signals;
  /** How long the process gets after the first signal before it is sent SIGKILL. */
  timeoutMs?: number;
}

/** Sends SIGTERM (or `signal`), then SIGKILL after a timeout; resolves once the process is gone. */
export async function stopProcess(
  pid: number,
  options: StopProcessOptions = {},
): Promise<void> {
  const { binary, signal = 'SIGTERM', timeoutMs = 10_000 } = options;
  if (!isProcessRunning(pid, binary)) {
    return;
  }
  sendSignal(pid, signal);
  if (await waitForProcessExit(pid, binary, timeoutMs)) {
    return;
  }
  sendSignal(pid, 'SIGKILL');
  if (!(await waitForProcessExit(pid, binary, 5_000))) {
    throw new Error(`Process ${pid} is still running after SIGKILL`);
  }
}

async function waitForProcessExit(
  pid: number,
  binary: string | undefined,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessRunning(pid, binary)) {
    if (Date.now() > deadline) {
      return false;
    }
    await sleep(100);
  }
  return true;
}

function sendSignal(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch (error) {
    // It exited between the check and the signal.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw error;
    }
  }
}

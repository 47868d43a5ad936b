import { spawn } from 'node:child_process';
import { closeSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from './findRepoRoot';
import { readLogTail } from './readLogTail';

export interface EnsureTestbedBuiltOptions {
  repoRoot?: string;
  /** Receives the build output and is kept; by default a temporary file, removed on success. */
  logFile?: string;
}

/**
 * Runs `testbed/build.sh`, which returns at once when nothing changed. A cold build
 * takes about ten minutes for the control plane and thirteen more for the Flux
 * controllers, so its output goes to a log file instead of the test output.
 */
export async function ensureTestbedBuilt(
  options: EnsureTestbedBuiltOptions = {},
): Promise<void> {
  const repoRoot = options.repoRoot ?? findRepoRoot();
  const script = join(repoRoot, 'testbed', 'build.sh');
  const logFile =
    options.logFile ??
    join(tmpdir(), `hubspoke-testbed-build-${process.pid}.log`);

  const logFd = openSync(logFile, 'w');
  try {
    const exit = await new Promise<{
      code: number | null;
      signal: string | null;
    }>((resolve, reject) => {
      const child = spawn('bash', [script], {
        cwd: repoRoot,
        stdio: ['ignore', logFd, logFd],
      });
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    if (exit.code !== 0) {
      throw new Error(
        `${script} failed (${
          exit.signal ?? `exit code ${exit.code}`
        }), log ${logFile}:\n${readLogTail(logFile)}`,
      );
    }
  } finally {
    closeSync(logFd);
  }
  if (!options.logFile) {
    rmSync(logFile, { force: true });
  }
}

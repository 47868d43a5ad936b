import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** Where etcd, etcdctl and etcdutl are; without a folder they are looked up on PATH. */
export interface EtcdToolsOptions {
  binDir?: string;
}

export type EtcdTool = 'etcd' | 'etcdctl' | 'etcdutl';

export function etcdToolPath(
  tool: EtcdTool,
  options: EtcdToolsOptions,
): string {
  return options.binDir ? join(options.binDir, tool) : tool;
}

/** A tool that exited with an error, with what it printed. */
export class EtcdToolError extends Error {
  constructor(readonly tool: EtcdTool, readonly detail: string) {
    super(`${tool} failed: ${detail}`);
    this.name = 'EtcdToolError';
  }
}

/** What the tool said, without its JSON log lines. */
function messages(text: string): string {
  return text
    .split('\n')
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('{'))
    .join('; ');
}

/** Runs etcdctl or etcdutl and resolves with its standard output. */
export function runEtcdTool(
  tool: Exclude<EtcdTool, 'etcd'>,
  args: string[],
  options: EtcdToolsOptions & { timeoutMs?: number } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      etcdToolPath(tool, options),
      args,
      { timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          reject(
            new EtcdToolError(
              tool,
              code === 'ENOENT'
                ? `${etcdToolPath(
                    tool,
                    options,
                  )} not found; set hubspoke.backup.etcdBinDir`
                : messages(stderr) || error.message,
            ),
          );
          return;
        }
        resolve(stdout);
      },
    );
  });
}

import { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Resolves with what follows `READY ` on the first stdout line of `child` that
 * matches `pattern` (whose first group is the value). Rejects when no such line
 * comes within `timeoutMs`, or with the error `exited` resolves to when the child
 * ends first.
 */
export function waitForReadyLine(
  child: ChildProcess,
  exited: Promise<Error>,
  pattern: RegExp,
  timeoutMs: number,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => finish(new Error(`no READY line within ${timeoutMs} ms`)),
      timeoutMs,
    );
    let done = false;
    function finish(error: Error | undefined, value?: string) {
      if (done) {
        return;
      }
      done = true;
      clearTimeout(timer);
      lines.close();
      if (error) {
        reject(error);
      } else {
        resolve(value!);
      }
    }
    lines.on('line', line => {
      const match = pattern.exec(line.trim());
      if (match) {
        finish(undefined, match[1]);
      }
    });
    exited.then(error => finish(error));
  });
}

import { readFileSync } from 'node:fs';

/** The last lines of a log file, for error messages; never throws. */
export function readLogTail(file: string, lines: number = 40): string {
  try {
    const text = readFileSync(file, 'utf8').trimEnd();
    return text.split('\n').slice(-lines).join('\n');
  } catch (error) {
    return `(cannot read ${file}: ${(error as Error).message})`;
  }
}

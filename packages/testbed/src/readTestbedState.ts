import { existsSync, readFileSync } from 'node:fs';
import { isProcessRunning } from './processes';
import { TestbedState } from './types';

export function readTestbedState(stateFile: string): TestbedState {
  return JSON.parse(readFileSync(stateFile, 'utf8')) as TestbedState;
}

/** Whether `stateFile` is the testbed.json of a testbed whose processes all still run. */
export function isTestbedRunning(stateFile: string): boolean {
  if (!existsSync(stateFile)) {
    return false;
  }
  try {
    const { processes } = readTestbedState(stateFile);
    return (
      processes.length > 0 &&
      processes.every(p => isProcessRunning(p.pid, p.binary))
    );
  } catch {
    return false;
  }
}

import { setTimeout as sleep } from 'node:timers/promises';

export interface EventuallyOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Calls `check` until it stops throwing and returns its result. Controllers and
 * admission policies catch up asynchronously; on timeout the last failure is
 * rethrown so the test output shows what was still wrong.
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  options: EventuallyOptions = {},
): Promise<T> {
  const { timeoutMs = 30_000, intervalMs = 250 } = options;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() + intervalMs > deadline) {
        if (error instanceof Error) {
          error.message = `Still failing after ${timeoutMs} ms (${attempt} attempts): ${error.message}`;
        }
        throw error;
      }
    }
    await sleep(intervalMs);
  }
}

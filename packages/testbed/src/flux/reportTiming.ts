import { appendFileSync } from 'node:fs';

/** Names a file that collects `label: N ms` lines, for measuring GitOps latencies. */
export const TIMINGS_ENV = 'HUBSPOKE_FLUX_TIMINGS';

/** Appends a latency to the file HUBSPOKE_FLUX_TIMINGS names; does nothing without it. */
export function reportTiming(label: string, ms: number): void {
  const file = process.env[TIMINGS_ENV];
  if (file) {
    appendFileSync(file, `${label}: ${ms} ms\n`);
  }
}

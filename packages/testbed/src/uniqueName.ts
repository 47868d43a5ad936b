import { randomBytes } from 'node:crypto';

/** `prefix` plus a random suffix, valid as a namespace or object name (a DNS-1123 label). */
export function uniqueName(prefix: string): string {
  const base = prefix
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  const suffix = randomBytes(4).toString('hex').slice(0, 6);
  return base ? `${base}-${suffix}` : `test-${suffix}`;
}

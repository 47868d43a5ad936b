import { stringify } from 'yaml';
import { KubernetesManifest } from './types';

const TOP_LEVEL_ORDER = ['apiVersion', 'kind', 'metadata', 'spec', 'data'];
const METADATA_ORDER = ['name', 'namespace', 'labels', 'annotations'];

function rank(order: string[], key: string): number {
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
}

function byOrderThenName(order: string[]) {
  return (a: string, b: string) =>
    rank(order, a) - rank(order, b) || (a < b ? -1 : Number(a > b));
}

// Rebuilds every map with sorted keys, so the text depends on content, not on how it was built.
function canonical(
  value: unknown,
  order: string[] = [],
  childOrders: Record<string, string[]> = {},
): unknown {
  if (Array.isArray(value)) {
    return value.map(item => canonical(item));
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => byOrderThenName(order)(a, b));
  return Object.fromEntries(
    entries.map(([key, v]) => [key, canonical(v, childOrders[key])]),
  );
}

/** Renders one YAML document with the canonical key order. */
export function renderYamlDocument(value: object): string {
  return stringify(
    canonical(value, TOP_LEVEL_ORDER, { metadata: METADATA_ORDER }),
    { lineWidth: 0 },
  );
}

/**
 * Renders objects as multi-document YAML: `apiVersion`, `kind`, `metadata` first, other
 * keys sorted, documents in the given order.
 */
export function renderManifestsYaml(objects: KubernetesManifest[]): string {
  return objects.map(renderYamlDocument).join('---\n');
}

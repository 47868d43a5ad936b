import { SecurityNamespacedMeta, SecurityObjectMeta } from './types';

/** Labels of every object the baseline owns (not of the namespaces it labels). */
export const BASELINE_LABELS: Record<string, string> = {
  'app.kubernetes.io/managed-by': 'hubspoke',
  'app.kubernetes.io/component': 'security-baseline',
};

/** The prefix of every name the baseline gives, so its objects sort and read together. */
export function baselineName(name: string): string {
  return `hubspoke-${name}`;
}

/** Metadata with the baseline's labels; `name` as given (see {@link baselineName}). */
export function baselineMeta(name: string): SecurityObjectMeta {
  return { name, labels: { ...BASELINE_LABELS } };
}

export function baselineNamespacedMeta(
  name: string,
  namespace: string,
): SecurityNamespacedMeta {
  return { ...baselineMeta(name), namespace };
}

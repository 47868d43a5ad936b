import { KubernetesObject } from '@kubernetes/client-node';
import { isCustomResourceDefinition, isNamespace } from './kinds';

/**
 * Orders objects so that everything an object needs exists before it: CRDs, then
 * Namespaces, then cluster-scoped objects, then namespaced ones, keeping the given
 * order within each group. An object without `metadata.namespace` counts as
 * cluster-scoped; the engine checks that against discovery before sorting.
 */
export function sortForApply<T extends KubernetesObject>(objects: T[]): T[] {
  return objects
    .map((object, index) => ({ object, index, rank: applyRank(object) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ object }) => object);
}

function applyRank(object: KubernetesObject): number {
  if (isCustomResourceDefinition(object)) {
    return 0;
  }
  if (isNamespace(object)) {
    return 1;
  }
  return object.metadata?.namespace ? 3 : 2;
}

import {
  KubernetesObject,
  V1CustomResourceDefinition,
} from '@kubernetes/client-node';
import { isCustomResourceDefinition } from './kinds';

/** `apiVersion kind`, e.g. `hubspoke-test.io/v1 Widget`. */
export function kindKey(apiVersion: string, kind: string): string {
  return `${apiVersion} ${kind}`;
}

/**
 * The kinds the batch's CRDs will serve, by kindKey, and whether each is namespaced:
 * what discovery will say once they are established.
 */
export function kindsDefinedByCrds(
  objects: KubernetesObject[],
): Map<string, boolean> {
  const kinds = new Map<string, boolean>();
  for (const object of objects.filter(isCustomResourceDefinition)) {
    const spec = (object as V1CustomResourceDefinition).spec;
    for (const version of spec?.versions ?? []) {
      if (spec.group && spec.names?.kind && version.served !== false) {
        kinds.set(
          kindKey(`${spec.group}/${version.name}`, spec.names.kind),
          spec.scope === 'Namespaced',
        );
      }
    }
  }
  return kinds;
}

import { KubernetesObject } from '@kubernetes/client-node';
import { KubernetesObjectReference } from './types';

/** The identity of an object the engine has validated. */
export function referenceOf(
  object: KubernetesObject,
): KubernetesObjectReference {
  const namespace = object.metadata?.namespace;
  return {
    apiVersion: object.apiVersion!,
    kind: object.kind!,
    ...(namespace ? { namespace } : {}),
    name: object.metadata!.name!,
  };
}

/** `ConfigMap team-a/settings` or `Namespace team-a`. */
export function describeReference(ref: KubernetesObjectReference): string {
  const name = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
  return `${ref.kind} ${name}`;
}

import { KubernetesObject } from '@kubernetes/client-node';

export function isCustomResourceDefinition(object: KubernetesObject): boolean {
  return (
    object.kind === 'CustomResourceDefinition' &&
    groupOf(object.apiVersion ?? '') === 'apiextensions.k8s.io'
  );
}

export function isNamespace(object: KubernetesObject): boolean {
  return object.kind === 'Namespace' && object.apiVersion === 'v1';
}

/** The API group of `apps/v1` is `apps`; of `v1`, the core group `''`. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

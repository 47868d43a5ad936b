import {
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
} from '@kubernetes/client-node';
import { KubernetesObjectReference } from '../types';

/** A ConfigMap, ServiceAccount and RoleBinding in `namespace`, in no particular order. */
export function namespacedObjects(
  namespace: string,
  color = 'blue',
): KubernetesObject[] {
  return [
    configMap(namespace, 'settings', { color }),
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'deployer-edit', namespace },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'edit',
      },
      subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace }],
    } as KubernetesObject,
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'deployer', namespace },
    },
  ];
}

/** A Namespace listed after the objects it holds, so the engine has to sort. */
export function tenantObjects(
  namespace: string,
  color = 'blue',
): KubernetesObject[] {
  return [...namespacedObjects(namespace, color), namespaceObject(namespace)];
}

/**
 * With a label: when an apply owns no field of an object, the API server writes it
 * once more on the next apply, to record the fields it set itself (labels, finalizers)
 * under the manager "before-first-apply".
 */
export function namespaceObject(name: string): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'hubspoke.io/test': 'apply-engine' } },
  };
}

export function configMap(
  namespace: string,
  name: string,
  data: Record<string, string>,
): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace },
    data,
  } as KubernetesObject;
}

/** `action Kind namespace/name` for each report line, to compare whole reports at once. */
export function summarise(
  objects: (KubernetesObjectReference & { action: string })[],
): string[] {
  return objects.map(
    o =>
      `${o.action} ${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`,
  );
}

/** The live object, or undefined when it does not exist. */
export async function readLive<T extends KubernetesObject>(
  kubeConfig: KubeConfig,
  object: KubernetesObject,
): Promise<T | undefined> {
  try {
    return await KubernetesObjectApi.makeApiClient(kubeConfig).read<T>({
      apiVersion: object.apiVersion,
      kind: object.kind,
      metadata: {
        name: object.metadata!.name!,
        namespace: object.metadata!.namespace,
      },
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 404) {
      return undefined;
    }
    throw error;
  }
}

/** Starts deleting namespaces a test created through the engine; tolerates gone ones. */
export async function deleteNamespaces(
  kubeConfig: KubeConfig,
  names: string[],
): Promise<void> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  await Promise.all(
    names.map(name =>
      core.deleteNamespace({ name }).catch(error => {
        if ((error as { code?: unknown }).code !== 404) {
          throw error;
        }
      }),
    ),
  );
}

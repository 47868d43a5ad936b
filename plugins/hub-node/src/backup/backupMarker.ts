import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { randomUUID } from 'node:crypto';

/** The ConfigMap a verification writes before the snapshot and looks for after the restore. */
export interface BackupMarker {
  namespace: string;
  name: string;
  /** Where kube-apiserver keeps it in etcd (the default /registry prefix). */
  key: string;
  /** A fresh value that only this verification wrote. */
  nonce: string;
  resourceVersion: string;
}

export function configMapEtcdKey(namespace: string, name: string): string {
  return `/registry/configmaps/${namespace}/${name}`;
}

/** Creates or replaces the marker ConfigMap with a new nonce. */
export async function writeBackupMarker(
  kubeConfig: KubeConfig,
  namespace: string,
  name: string,
): Promise<BackupMarker> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const nonce = randomUUID();
  const body = {
    metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'hubspoke' } },
    data: { nonce, writtenAt: new Date().toISOString() },
  };
  const written = await core
    .replaceNamespacedConfigMap({ namespace, name, body })
    .catch(error => {
      if ((error as { code?: number }).code !== 404) throw error;
      return core.createNamespacedConfigMap({ namespace, body });
    });
  return {
    namespace,
    name,
    key: configMapEtcdKey(namespace, name),
    nonce,
    resourceVersion: written.metadata!.resourceVersion!,
  };
}

import { BackupInput } from './backupInput';
import { BackupManifest, BackupNamespaceManifest } from './backupTypes';
import { backupLabels } from './backupLabels';
import { etcdSnapshotCronJob } from './etcdSnapshotCronJob';
import { veleroHelmRelease, veleroHelmRepository } from './veleroRelease';
import { veleroSchedules } from './veleroSchedules';
import {
  BackupCredentials,
  backupCredentialsSecret,
  backupStorageLocation,
} from './veleroStorage';

/**
 * Velero's namespace. The etcd snapshot job needs the host network and host folders,
 * which only the privileged Pod Security level admits.
 */
export function backupNamespace(input: BackupInput): BackupNamespaceManifest {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: input.namespace,
      labels: backupLabels({
        'pod-security.kubernetes.io/enforce': 'privileged',
        'pod-security.kubernetes.io/warn': 'privileged',
      }),
    },
  };
}

/**
 * Every object of a backup setup except the Velero CRDs (hub-node holds those, as
 * generated from Velero's module) and, without credentials, the Secret.
 */
export function buildBackupManifests(
  input: BackupInput,
  options: { credentials?: BackupCredentials } = {},
): BackupManifest[] {
  const withCredentials = Boolean(options.credentials);
  return [
    backupNamespace(input),
    ...(options.credentials
      ? [backupCredentialsSecret(input, options.credentials)]
      : []),
    veleroHelmRepository(input),
    veleroHelmRelease(input, { withCredentials }),
    backupStorageLocation(input, { withCredentials }),
    ...veleroSchedules(input),
    ...(input.etcdSnapshot.enabled
      ? [etcdSnapshotCronJob(input, { withCredentials })]
      : []),
  ];
}

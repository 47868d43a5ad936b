import { base64 } from '../manifests/base64';
import { BackupInput, BackupStorage } from './backupInput';
import {
  BackupSecretManifest,
  BackupStorageLocationManifest,
} from './backupTypes';
import { backupLabels } from './backupLabels';
import {
  VELERO_CREDENTIALS_KEY,
  VELERO_CREDENTIALS_SECRET,
} from './veleroRelease';

/** An object store key pair; only ever from task secrets. */
export interface BackupCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The key prefix of one kind of backup in the bucket: `<prefix>/<kind>`. */
export function storageKey(storage: BackupStorage, kind: string): string {
  return storage.prefix ? `${storage.prefix}/${kind}` : kind;
}

/** The storage location every Schedule writes to. */
export const BACKUP_STORAGE_LOCATION = 'default';

/** The AWS shared credentials file that Velero's plugin and the aws CLI both read. */
export function awsCredentialsFile(credentials: BackupCredentials): string {
  return [
    '[default]',
    `aws_access_key_id=${credentials.accessKeyId}`,
    `aws_secret_access_key=${credentials.secretAccessKey}`,
    '',
  ].join('\n');
}

export function backupCredentialsSecret(
  input: BackupInput,
  credentials: BackupCredentials,
): BackupSecretManifest {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: VELERO_CREDENTIALS_SECRET,
      namespace: input.namespace,
      labels: backupLabels(),
    },
    type: 'Opaque',
    data: { [VELERO_CREDENTIALS_KEY]: base64(awsCredentialsFile(credentials)) },
  };
}

/** The BackupStorageLocation from the storage inputs; an S3-compatible URL needs path-style requests. */
export function backupStorageLocation(
  input: BackupInput,
  options: { withCredentials: boolean },
): BackupStorageLocationManifest {
  const { storage } = input;
  return {
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    metadata: {
      name: BACKUP_STORAGE_LOCATION,
      namespace: input.namespace,
      labels: backupLabels(),
    },
    spec: {
      provider: storage.provider,
      default: true,
      objectStorage: {
        bucket: storage.bucket,
        prefix: storageKey(storage, 'velero'),
      },
      config: {
        region: storage.region,
        ...(storage.s3Url && {
          s3Url: storage.s3Url,
          s3ForcePathStyle: 'true',
        }),
      },
      ...(options.withCredentials && {
        credential: {
          name: VELERO_CREDENTIALS_SECRET,
          key: VELERO_CREDENTIALS_KEY,
        },
      }),
    },
  };
}

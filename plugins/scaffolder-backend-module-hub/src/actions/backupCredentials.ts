import { InputError } from '@backstage/errors';
import { BackupCredentials } from '@hubspoke/backstage-plugin-hub-common';

/** The object store keys, only ever from the task secrets; both or neither. */
export function backupCredentialsFromSecrets(
  secrets: Record<string, string> | undefined,
): BackupCredentials | undefined {
  const accessKeyId = secrets?.backupAccessKeyId;
  const secretAccessKey = secrets?.backupSecretAccessKey;
  if (!accessKeyId && !secretAccessKey) {
    return undefined;
  }
  if (!accessKeyId || !secretAccessKey) {
    throw new InputError(
      "secrets: backupAccessKeyId and backupSecretAccessKey must be given together; set both task secrets or neither (without them Velero and the etcd job use the node's cloud identity)",
    );
  }
  return { accessKeyId, secretAccessKey };
}

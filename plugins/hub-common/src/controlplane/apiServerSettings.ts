import { apiServerAuditFlags, kubeadmAuditPatch } from '../audit/kubeadmAudit';
import { ControlPlaneInput } from './controlPlaneInput';
import { folderOf } from './controlPlaneRules';
import { ApiServerSettings, EtcdSettings } from './controlPlaneTypes';

/**
 * The API server flags and host mounts of a plan: hub:audit:configure's audit flags and
 * folders, and encryption at rest from the EncryptionConfiguration file. The file holds
 * the encryption key, so the plan only says where it is; automatic reload lets a key
 * rotation replace the file without restarting the API servers.
 */
export function apiServerSettings(input: ControlPlaneInput): ApiServerSettings {
  const encryptionFolder = folderOf(input.encryption.configFile);
  return {
    certSANs: [input.controlPlaneEndpoint.host],
    extraArgs: [
      ...apiServerAuditFlags(input.audit),
      {
        name: 'encryption-provider-config',
        value: input.encryption.configFile,
      },
      { name: 'encryption-provider-config-automatic-reload', value: 'true' },
    ],
    extraVolumes: [
      ...kubeadmAuditPatch(input.audit).apiServer.extraVolumes,
      {
        name: 'encryption-config',
        hostPath: encryptionFolder,
        mountPath: encryptionFolder,
        readOnly: true,
        pathType: 'DirectoryOrCreate',
      },
    ],
  };
}

/** Stacked etcd runs beside each API server; external etcd is reached with a client certificate. */
export function etcdSettings(input: ControlPlaneInput): EtcdSettings {
  if (input.etcd.type === 'stacked') {
    return { local: { dataDir: '/var/lib/etcd' } };
  }
  const { endpoints, caFile, certFile, keyFile } = input.etcd;
  return { external: { endpoints, caFile, certFile, keyFile } };
}

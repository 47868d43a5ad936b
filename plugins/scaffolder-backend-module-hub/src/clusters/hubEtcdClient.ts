import {
  BackupToolsConfig,
  EtcdClientConfig,
} from '@hubspoke/backstage-plugin-hub-node';

/** The hub's etcd as hubspoke.backup.etcd configures it, for the member-list check. */
export function hubEtcdClient(
  backup: BackupToolsConfig,
): EtcdClientConfig | undefined {
  const endpoint = backup.etcd?.endpoint;
  if (!endpoint) return undefined;
  return { endpoints: [endpoint], ...backup.etcd?.tls };
}

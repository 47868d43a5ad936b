import { Config } from '@backstage/config';

/** The `hubspoke.backup` config section: how the backend reaches etcd and its tools. */
export interface BackupToolsConfig {
  etcd?: {
    endpoint?: string;
    /** Client certificate files; all three or none. */
    tls?: { caFile: string; certFile: string; keyFile: string };
  };
  /** Folder with etcd, etcdctl and etcdutl; PATH when absent. */
  etcdBinDir?: string;
  /** Folder where hub:backup:verify keeps its snapshots. */
  snapshotDir?: string;
}

const TLS_KEYS = ['caFile', 'certFile', 'keyFile'] as const;

/** Reads and checks `hubspoke.backup` once, at start-up; errors name the key. */
export function readBackupConfig(config: Config): BackupToolsConfig {
  const section = config.getOptionalConfig('hubspoke.backup');
  if (!section) return {};
  const etcd = section.getOptionalConfig('etcd');
  const endpoint = etcd?.getOptionalString('endpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+$/.test(endpoint)) {
    throw new Error(
      `hubspoke.backup.etcd.endpoint "${endpoint}" must be an http(s)://host:port URL of one etcd member`,
    );
  }
  const files = TLS_KEYS.map(key => etcd?.getOptionalString(key));
  const given = files.filter(f => f !== undefined).length;
  if (given !== 0 && given !== TLS_KEYS.length) {
    throw new Error(
      `hubspoke.backup.etcd: set caFile, certFile and keyFile together (${given} of 3 set)`,
    );
  }
  const [caFile, certFile, keyFile] = files as string[];
  return {
    etcd: etcd && {
      endpoint,
      tls: given ? { caFile, certFile, keyFile } : undefined,
    },
    etcdBinDir: section.getOptionalString('etcdBinDir'),
    snapshotDir: section.getOptionalString('snapshotDir'),
  };
}

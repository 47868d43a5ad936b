import {
  EtcdConnection,
  etcdConnectionArgs,
  etcdSnapshotSaveArgs,
  etcdSnapshotStatusArgs,
} from '@hubspoke/backstage-plugin-hub-common';
import { runEtcdTool, EtcdToolsOptions } from './etcdTools';

/** What `etcdutl snapshot status` says about a snapshot file. */
export interface EtcdSnapshotStatus {
  hash: number;
  revision: number;
  totalKey: number;
  totalSize: number;
  version: string;
}

/** The member's health as etcdctl sees it; rejects when it cannot be reached. */
export async function checkEtcdEndpoint(
  connection: EtcdConnection,
  options: EtcdToolsOptions,
): Promise<void> {
  await runEtcdTool(
    'etcdctl',
    [
      ...etcdConnectionArgs(connection),
      '--dial-timeout=5s',
      '--command-timeout=10s',
      'endpoint',
      'health',
    ],
    { ...options, timeoutMs: 30_000 },
  );
}

/** `etcdctl snapshot save`, as the CronJob runs it. */
export async function saveEtcdSnapshot(
  connection: EtcdConnection,
  file: string,
  options: EtcdToolsOptions,
): Promise<void> {
  await runEtcdTool('etcdctl', etcdSnapshotSaveArgs(connection, file), options);
}

/** `etcdutl snapshot status`: fails on a corrupt file, reports hash and revision. */
export async function etcdSnapshotStatus(
  file: string,
  options: EtcdToolsOptions,
): Promise<EtcdSnapshotStatus> {
  const out = await runEtcdTool(
    'etcdutl',
    etcdSnapshotStatusArgs(file),
    options,
  );
  return JSON.parse(out) as EtcdSnapshotStatus;
}

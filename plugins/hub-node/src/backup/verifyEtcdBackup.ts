import {
  EtcdConnection,
  HubCheck,
} from '@hubspoke/backstage-plugin-hub-common';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackupMarker } from './backupMarker';
import { etcdSnapshotStatus, saveEtcdSnapshot } from './etcdSnapshot';
import { EtcdToolsOptions } from './etcdTools';
import { readEtcdKey, restoreIntoThrowawayEtcd } from './throwawayEtcd';

export interface VerifyEtcdBackupOptions {
  connection: EtcdConnection;
  snapshotFile: string;
  /** Written before the snapshot; must be in the restored data. */
  marker: Pick<BackupMarker, 'key' | 'nonce' | 'resourceVersion'>;
  tools: EtcdToolsOptions;
}

function check(
  id: string,
  title: string,
  status: HubCheck['status'],
  reason: string,
  evidence: string[] = [],
): HubCheck {
  return { id, area: 'backups', title, status, reason, evidence };
}

/** Judges the restored value: the nonce in clear, or a value encryption at rest hides. */
function markerCheck(
  value: Buffer | undefined,
  marker: VerifyEtcdBackupOptions['marker'],
): HubCheck {
  const title = 'Marker object survives the restore';
  const evidence = [
    `key ${marker.key}`,
    `written at revision ${marker.resourceVersion}`,
  ];
  if (!value) {
    return check(
      'backups.etcd-marker',
      title,
      'fail',
      `${marker.key} is missing from the restored etcd`,
      evidence,
    );
  }
  evidence.push(`restored value ${value.length} bytes`);
  if (value.includes(Buffer.from(marker.nonce))) {
    return check(
      'backups.etcd-marker',
      title,
      'pass',
      'the marker written before the snapshot is in the restored data',
      evidence,
    );
  }
  if (value.subarray(0, 8).toString() === 'k8s:enc:') {
    return check(
      'backups.etcd-marker',
      title,
      'warn',
      'the marker is there but encrypted at rest, so its content was not compared',
      evidence,
    );
  }
  return check(
    'backups.etcd-marker',
    title,
    'fail',
    'the restored marker holds another value than the one written before the snapshot',
    evidence,
  );
}

/**
 * Takes a real snapshot, checks it with etcdutl, restores it into a fresh etcd on
 * loopback and reads the marker back from there. A step that fails becomes a failing
 * check, and the ones after it are not run.
 */
export async function verifyEtcdBackup(
  options: VerifyEtcdBackupOptions,
): Promise<HubCheck[]> {
  const { connection, snapshotFile, marker, tools } = options;
  const started = Date.now();
  try {
    await saveEtcdSnapshot(connection, snapshotFile, tools);
  } catch (error) {
    return [
      check(
        'backups.etcd-snapshot',
        'etcd snapshot',
        'fail',
        (error as Error).message,
      ),
    ];
  }
  const savedMs = Date.now() - started;
  let statusEvidence: string[];
  try {
    const status = await etcdSnapshotStatus(snapshotFile, tools);
    const { size } = await stat(snapshotFile);
    statusEvidence = [
      `file ${snapshotFile}`,
      `size ${size} bytes`,
      `revision ${status.revision}`,
      `hash ${status.hash}`,
      `keys ${status.totalKey}`,
      `etcd storage version ${status.version}`,
      `saved in ${savedMs} ms`,
    ];
  } catch (error) {
    return [
      check(
        'backups.etcd-snapshot',
        'etcd snapshot',
        'fail',
        `etcdutl snapshot status refused the file: ${(error as Error).message}`,
      ),
    ];
  }
  const checks = [
    check(
      'backups.etcd-snapshot',
      'etcd snapshot',
      'pass',
      'etcdctl saved a snapshot and etcdutl reads it as intact',
      statusEvidence,
    ),
  ];

  const workDir = await mkdtemp(join(tmpdir(), 'hubspoke-restore-'));
  try {
    const etcd = await restoreIntoThrowawayEtcd(
      snapshotFile,
      workDir,
      tools,
    ).catch((error: Error) => error);
    if (etcd instanceof Error) {
      return [
        ...checks,
        check(
          'backups.etcd-restore',
          'Snapshot restores',
          'fail',
          etcd.message,
        ),
      ];
    }
    try {
      checks.push(
        check(
          'backups.etcd-restore',
          'Snapshot restores',
          'pass',
          'etcdutl restored the snapshot and a fresh etcd serves it',
          [
            `restored in ${etcd.restoreMs} ms`,
            `healthy ${etcd.startMs} ms after start`,
            `served on ${etcd.endpoint}`,
          ],
        ),
      );
      checks.push(
        markerCheck(
          await readEtcdKey(etcd.endpoint, marker.key, tools),
          marker,
        ),
      );
    } finally {
      await etcd.stop();
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return checks;
}

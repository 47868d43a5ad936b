import { z as zodV3 } from 'zod/v3';

type Zod = typeof zodV3;

/** The fields of hub:backup:verify as the scaffolder shows them; parseBackupVerifyInput holds the rules. */
export const backupVerifyFields = {
  cluster: (zod: Zod) =>
    zod
      .string({
        description:
          'Cluster whose etcd is verified (default: the hub); the marker is written through its API server',
      })
      .optional(),
  etcdEndpoint: (zod: Zod) =>
    zod
      .string({
        description:
          'Client URL of the etcd member to snapshot (default hubspoke.backup.etcd.endpoint); an https:// member takes its client certificate from the task secrets etcdCaCert, etcdClientCert and etcdClientKey, or from hubspoke.backup.etcd',
      })
      .optional(),
  snapshotDir: (zod: Zod) =>
    zod
      .string({
        description:
          'Folder for the snapshot (default hubspoke.backup.snapshotDir, else a temporary folder)',
      })
      .optional(),
  markerNamespace: (zod: Zod) =>
    zod
      .string({
        description: 'Namespace of the marker ConfigMap (default default)',
      })
      .optional(),
  markerName: (zod: Zod) =>
    zod
      .string({
        description:
          'Name of the marker ConfigMap (default hubspoke-backup-marker)',
      })
      .optional(),
  failOn: (zod: Zod) =>
    zod
      .enum(['fail', 'warn'], {
        description:
          "'fail': the step fails when a check fails; 'warn': also when one warns (default 'fail')",
      })
      .optional(),
};

/** The HubCheckReport output, as hub-common's checks.ts defines it. */
export const hubCheckReportOutput = (zod: Zod) =>
  zod
    .object(
      {
        cluster: zod.string(),
        checkedAt: zod.string(),
        status: zod.enum(['pass', 'warn', 'fail']),
        checks: zod.array(
          zod.object({
            id: zod.string(),
            area: zod.string(),
            title: zod.string(),
            status: zod.enum(['pass', 'warn', 'fail']),
            reason: zod.string(),
            evidence: zod.array(zod.string()),
          }),
        ),
      },
      {
        description: 'Snapshot, restore and marker checks with their evidence',
      },
    )
    .optional();

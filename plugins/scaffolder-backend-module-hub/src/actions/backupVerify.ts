import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  HubCheckReport,
  parseBackupVerifyInput,
  worstStatus,
} from '@hubspoke/backstage-plugin-hub-common';
import {
  BackupToolsConfig,
  checkEtcdEndpoint,
  verifyEtcdBackup,
  writeBackupMarker,
} from '@hubspoke/backstage-plugin-hub-node';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { withoutUndefined } from './deliveryOutputs';
import { examples } from './backupVerify.examples';
import { backupVerifyFields, hubCheckReportOutput } from './backupVerifyFields';
import { etcdAccess } from './etcdCredentials';

export interface BackupVerifyActionOptions {
  clusters: ClusterConnector;
  /** `hubspoke.backup`, read once with readBackupConfig. */
  backup?: BackupToolsConfig;
}

function summarize(report: HubCheckReport): string {
  const count = (status: string) =>
    report.checks.filter(c => c.status === status).length;
  return `${count('pass')} passed, ${count('warn')} warnings, ${count(
    'fail',
  )} failed`;
}

/** `hub:backup:verify`: snapshots etcd for real, restores the snapshot and finds a marker in it. */
export function createBackupVerifyAction({
  clusters,
  backup = {},
}: BackupVerifyActionOptions) {
  return createTemplateAction({
    id: 'hub:backup:verify',
    description:
      "Proves that the hub's etcd can be restored: writes a marker ConfigMap, takes a real snapshot with etcdctl, checks it with etcdutl, restores it into a throwaway etcd on loopback and finds the marker there; returns a check report with the snapshot's size, revision, hash and the restore time",
    examples,
    supportsDryRun: true,
    schema: {
      input: backupVerifyFields,
      output: {
        report: hubCheckReportOutput,
        passed: z =>
          z.boolean({
            description:
              'True when no check failed (nor warned, with failOn warn)',
          }),
        snapshotFile: z =>
          z
            .string({
              description:
                'The snapshot taken (it holds every Secret of the cluster: keep it safe)',
            })
            .optional(),
        summary: z =>
          z.string({
            description: "For example '3 passed, 0 warnings, 0 failed'",
          }),
      },
    },
    async handler(ctx) {
      const endpointField = ctx.input.etcdEndpoint
        ? 'etcdEndpoint'
        : 'hubspoke.backup.etcd.endpoint';
      const input = parseBackupVerifyInput(
        withoutUndefined({
          ...ctx.input,
          cluster: ctx.input.cluster ?? clusters.defaultClusterName(),
          etcdEndpoint: ctx.input.etcdEndpoint ?? backup.etcd?.endpoint,
          snapshotDir:
            ctx.input.snapshotDir ??
            backup.snapshotDir ??
            join(tmpdir(), 'hubspoke-etcd-snapshots'),
        }),
      );
      const tools = { binDir: backup.etcdBinDir };
      const access = await etcdAccess(input.etcdEndpoint, ctx.secrets, backup);
      try {
        await checkEtcdEndpoint(access.connection, tools).catch(
          (error: Error) => {
            throw new InputError(
              `${endpointField}: etcd at ${input.etcdEndpoint} does not answer: ${error.message}`,
            );
          },
        );
        const cluster = await clusters.connect(input.cluster);
        if (ctx.isDryRun) {
          ctx.output(
            'summary',
            `etcd at ${input.etcdEndpoint} answers; nothing written (dry run)`,
          );
          return;
        }
        const checkedAt = new Date().toISOString();
        const marker = await writeBackupMarker(
          cluster.kubeConfig,
          input.markerNamespace,
          input.markerName,
        );
        await mkdir(input.snapshotDir, { recursive: true, mode: 0o700 });
        const snapshotFile = join(
          input.snapshotDir,
          `etcd-verify-${input.cluster}-${checkedAt.replace(/[-:.]/g, '')}.db`,
        );
        const checks = await verifyEtcdBackup({
          connection: access.connection,
          snapshotFile,
          marker,
          tools,
        });
        const report: HubCheckReport = {
          cluster: input.cluster,
          checkedAt,
          status: worstStatus(checks.map(c => c.status)),
          checks,
        };
        checks.forEach(c =>
          ctx.logger.info(
            `[${c.status}] ${c.title}: ${c.reason} (${c.evidence.join(', ')})`,
          ),
        );
        const blocking = checks.filter(
          c =>
            c.status === 'fail' ||
            (input.failOn === 'warn' && c.status === 'warn'),
        );
        const summary = summarize(report);
        ctx.output('report', report);
        ctx.output('passed', blocking.length === 0);
        ctx.output('snapshotFile', snapshotFile);
        ctx.output('summary', summary);
        if (blocking.length > 0) {
          throw new Error(
            `backup verification of cluster "${
              input.cluster
            }" failed (${summary}): ${blocking
              .map(c => `${c.title}: ${c.reason}`)
              .join('; ')}`,
          );
        }
      } finally {
        await access.release();
      }
    },
  });
}

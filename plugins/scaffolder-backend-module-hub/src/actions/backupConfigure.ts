import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  backupClusterEntry,
  backupCredentialsSecret,
  backupGitopsFiles,
  backupNamespace,
  BackupInput,
  buildBackupManifests,
  parseBackupInput,
  VELERO_VERSION,
} from '@hubspoke/backstage-plugin-hub-common';
import {
  veleroCrds,
  veleroCrdsYaml,
} from '@hubspoke/backstage-plugin-hub-node';
import { KubernetesObject } from '@kubernetes/client-node';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { applyManifests } from '../delivery/applyManifests';
import { writeGitopsFiles } from '../delivery/writeGitopsFiles';
import { backupConfigureFields } from './backupConfigureFields';
import { examples } from './backupConfigure.examples';
import { backupCredentialsFromSecrets } from './backupCredentials';
import { deliveryOutputs, withoutUndefined } from './deliveryOutputs';
import { deliveryOptions } from './deliveryOptions';
import { deliveryFields } from './tenantInputFields';

export interface BackupConfigureActionOptions {
  clusters: ClusterConnector;
}

/** One line for the task log: what is installed, where backups go, how often. */
function summaryLine(input: BackupInput): string {
  const etcd = input.etcdSnapshot.enabled
    ? `, etcd snapshots ${input.etcdSnapshot.schedule} (keep ${input.etcdSnapshot.keep})`
    : '';
  return `Velero ${VELERO_VERSION} to s3://${input.storage.bucket}, ${
    input.tenants.length + 1
  } Schedules${etcd}`;
}

/** `hub:backup:configure`: Velero through Flux, its Schedules and the etcd snapshot CronJob. */
export function createBackupConfigureAction({
  clusters,
}: BackupConfigureActionOptions) {
  return createTemplateAction({
    id: 'hub:backup:configure',
    description:
      'Installs Velero through a Flux HelmRelease with a BackupStorageLocation, Schedules for the cluster state and each tenant, and a CronJob that snapshots the etcd of a kubeadm control plane and ships the snapshots to object storage',
    examples,
    supportsDryRun: true,
    schema: {
      input: { ...backupConfigureFields, ...deliveryFields },
      output: {
        veleroVersion: z =>
          z.string({ description: 'The Velero release installed' }),
        ...deliveryOutputs,
      },
    },
    async handler(ctx) {
      const { mode, dryRun, force, gitopsDir, fields } = deliveryOptions(
        ctx.input,
        ctx.isDryRun,
        { defaultMode: 'gitops' },
      );
      const input = parseBackupInput(
        withoutUndefined({
          ...fields,
          cluster: fields.cluster ?? clusters.defaultClusterName(),
        }),
      );
      const credentials = backupCredentialsFromSecrets(ctx.secrets);
      const objects = buildBackupManifests(input, { credentials });
      ctx.output('veleroVersion', VELERO_VERSION);
      ctx.logger.info(summaryLine(input));

      if (mode === 'gitops') {
        await writeGitopsFiles(ctx, {
          gitopsDir,
          files: backupGitopsFiles(input, objects, veleroCrdsYaml()),
          index: {
            dir: `clusters/${input.cluster}/infrastructure`,
            entry: backupClusterEntry(input),
          },
          dryRun,
        });
        if (credentials) {
          ctx.logger.info(
            `the Secret ${input.namespace}/velero-credentials is not written to git; applying it to cluster ${input.cluster}`,
          );
          const cluster = await clusters.connect(input.cluster);
          await applyManifests(
            ctx,
            cluster.kubeConfig,
            [
              backupNamespace(input),
              backupCredentialsSecret(input, credentials),
            ] as KubernetesObject[],
            {
              dryRun,
              force,
              checkpointKey: `hub.backup.configure.secret.${input.cluster}.${input.namespace}`,
            },
          );
        } else {
          ctx.logger.warn(
            "no backupAccessKeyId/backupSecretAccessKey task secrets: Velero and the etcd job will use the nodes' cloud identity",
          );
        }
        return;
      }

      const cluster = await clusters.connect(input.cluster);
      const applied = await applyManifests(
        ctx,
        cluster.kubeConfig,
        [...veleroCrds(), ...(objects as KubernetesObject[])],
        {
          dryRun,
          force,
          checkpointKey: `hub.backup.configure.${input.cluster}.${input.namespace}`,
        },
      );
      ctx.output('objects', applied.objects);
      ctx.output('summary', applied.summary);
    },
  });
}

import { z as zodV3 } from 'zod/v3';

type Zod = typeof zodV3;

/** The fields of hub:backup:configure as the scaffolder shows them; parseBackupInput holds the rules. */
export const backupConfigureFields = {
  cluster: (zod: Zod) =>
    zod
      .string({
        description:
          'Cluster to back up (default: the hub); names the folder infrastructure/backup/<cluster>',
      })
      .optional(),
  namespace: (zod: Zod) =>
    zod
      .string({
        description:
          'Namespace of Velero and the etcd snapshot job (default velero)',
      })
      .optional(),
  storage: (zod: Zod) =>
    zod.object(
      {
        provider: zod
          .enum(['aws'], {
            description:
              'aws: AWS S3 or any S3-compatible store (MinIO, Ceph RGW)',
          })
          .optional(),
        bucket: zod.string({ description: 'Bucket the backups go to' }),
        prefix: zod
          .string({
            description:
              'Key prefix in the bucket; Velero writes under <prefix>/velero, the etcd snapshots under <prefix>/etcd',
          })
          .optional(),
        region: zod.string({
          description: 'Region of the bucket (any name for MinIO)',
        }),
        s3Url: zod
          .string({
            description:
              'URL of an S3-compatible endpoint; path-style requests are used',
          })
          .optional(),
      },
      {
        description:
          'The object store; its keys come from the task secrets backupAccessKeyId and backupSecretAccessKey',
      },
    ),
  clusterState: (zod: Zod) =>
    zod
      .object(
        {
          schedule: zod
            .string({ description: 'Cron schedule (default 0 1 * * *)' })
            .optional(),
          ttl: zod
            .string({ description: 'How long a backup is kept (default 720h)' })
            .optional(),
        },
        {
          description:
            'The Schedule of cluster-scoped objects and every namespace but the tenants',
        },
      )
      .optional(),
  tenants: (zod: Zod) =>
    zod
      .array(
        zod.object({
          name: zod.string({ description: 'Tenant name' }),
          namespaces: zod
            .array(zod.string(), {
              description:
                'Its namespaces, * allowed (default <name> and <name>-*)',
            })
            .optional(),
          schedule: zod
            .string({ description: 'Cron schedule (default 0 2 * * *)' })
            .optional(),
          ttl: zod
            .string({ description: 'How long a backup is kept (default 336h)' })
            .optional(),
        }),
        { description: 'Tenants, each backed up by its own Schedule' },
      )
      .optional(),
  etcdSnapshot: (zod: Zod) =>
    zod
      .object(
        {
          enabled: zod
            .boolean({ description: 'Add the CronJob (default true)' })
            .optional(),
          schedule: zod
            .string({ description: 'Cron schedule (default 0 */6 * * *)' })
            .optional(),
          keep: zod
            .number({
              description:
                'Snapshots kept on the node and in the bucket (default 8)',
            })
            .optional(),
          hostPath: zod
            .string({
              description:
                'Folder on the node (default /var/lib/etcd-snapshots)',
            })
            .optional(),
          etcdImage: zod
            .string({
              description:
                'Image with etcdctl and etcdutl (default registry.k8s.io/etcd:3.6.8-0)',
            })
            .optional(),
          uploaderImage: zod
            .string({
              description:
                'Image with bash and the aws CLI (default amazon/aws-cli:2.32.8)',
            })
            .optional(),
        },
        {
          description:
            'A CronJob that snapshots the stacked etcd of a kubeadm control plane and ships the snapshots to the bucket',
        },
      )
      .optional(),
};

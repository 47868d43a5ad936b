import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Commit Velero, its Schedules and the etcd snapshot job to the fleet repository for the hub's Flux (gitops mode; the bucket keys come from the task secrets backupAccessKeyId and backupSecretAccessKey and are applied as a Secret, never committed)",
    example: stringify({
      steps: [
        {
          id: 'backup',
          action: 'hub:backup:configure',
          name: 'Configure backups',
          input: {
            cluster: 'hub',
            storage: {
              bucket: 'hub-backups',
              prefix: 'hub',
              region: 'eu-west-1',
            },
            tenants: [
              { name: 'team-payments' },
              { name: 'team-search', ttl: '720h' },
            ],
            etcdSnapshot: { schedule: '0 */4 * * *', keep: 12 },
            mode: 'gitops',
            gitopsDir: 'fleet',
          },
        },
      ],
    }),
  },
  {
    description:
      'Apply Velero with an S3-compatible store (MinIO) straight to the hub, without the etcd job',
    example: stringify({
      steps: [
        {
          id: 'backup-minio',
          action: 'hub:backup:configure',
          name: 'Back up to MinIO',
          input: {
            storage: {
              bucket: 'velero',
              region: 'minio',
              s3Url: 'https://minio.backup.svc:9000',
            },
            clusterState: { schedule: '@every 6h', ttl: '168h' },
            etcdSnapshot: { enabled: false },
            mode: 'apply',
          },
        },
      ],
    }),
  },
];

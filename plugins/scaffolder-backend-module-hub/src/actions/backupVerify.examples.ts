import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Verify the hub's etcd backup with the member and certificates from hubspoke.backup",
    example: stringify({
      steps: [
        {
          id: 'verify-backup',
          action: 'hub:backup:verify',
          name: 'Verify that etcd restores',
          input: {},
        },
      ],
    }),
  },
  {
    description:
      'Verify a named member with the client certificate in the task secrets etcdCaCert, etcdClientCert and etcdClientKey, and keep the snapshot',
    example: stringify({
      steps: [
        {
          id: 'verify-backup-member',
          action: 'hub:backup:verify',
          name: 'Verify etcd on cp-1',
          input: {
            cluster: 'hub',
            etcdEndpoint: 'https://10.0.0.11:2379',
            snapshotDir: '/var/backups/etcd',
            markerNamespace: 'kube-system',
          },
        },
      ],
    }),
  },
];

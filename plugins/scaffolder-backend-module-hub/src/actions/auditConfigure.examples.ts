import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Write the hub's audit policy and kubeadm patch into the fleet repository, with request bodies for the tenants' Flux objects",
    example: stringify({
      steps: [
        {
          id: 'audit',
          action: 'hub:audit:configure',
          name: 'Configure API server auditing',
          input: {
            cluster: 'hub',
            tenantNamespaces: ['team-payments', 'team-search'],
            maxAgeDays: 90,
            mode: 'gitops',
            gitopsDir: 'fleet',
          },
        },
      ],
    }),
  },
  {
    description:
      'Only return the policy and the flags, e.g. for a later step that writes a kubeadm configuration',
    example: stringify({
      steps: [
        {
          id: 'audit-flags',
          action: 'hub:audit:configure',
          name: 'Audit flags',
          input: {
            logPath: '/var/log/apiserver/audit.log',
            maxSizeMegabytes: 200,
            mode: 'outputs',
          },
        },
      ],
    }),
  },
];

import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Secure the hub directly (apply mode): platform groups, registries tenants may pull from, and every namespace labelled as a tenant',
    example: stringify({
      steps: [
        {
          id: 'security-baseline',
          action: 'hub:security:baseline',
          name: 'Apply the security baseline',
          input: {
            adminGroups: ['platform-team'],
            viewerGroups: ['platform-observers'],
            tenantReconcilerGroups: ['platform-release-bots'],
            allowedRegistries: ['ghcr.io/acme', 'registry.example.com'],
            mode: 'apply',
          },
        },
      ],
    }),
  },
  {
    description:
      'Write the security baseline into the fleet repository for Flux (gitops mode), with stricter platform namespaces',
    example: stringify({
      steps: [
        {
          id: 'security-baseline-files',
          action: 'hub:security:baseline',
          name: 'Commit the security baseline',
          input: {
            cluster: 'hub',
            adminGroups: ['platform-team'],
            viewerGroups: ['platform-observers'],
            allowedRegistries: ['ghcr.io/acme'],
            monitoringNamespace: 'observability',
            podSecurity: { platform: 'restricted' },
            mode: 'gitops',
            gitopsDir: 'fleet',
          },
        },
      ],
    }),
  },
];

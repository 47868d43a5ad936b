import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Onboard a tenant with two environments directly onto the hub (apply mode)',
    example: stringify({
      steps: [
        {
          id: 'tenant',
          action: 'hub:tenant:create',
          name: 'Onboard the payments tenant',
          input: {
            name: 'payments',
            ownerGroup: 'team-payments',
            environments: ['dev', 'prod'],
            quotaTier: 'medium',
            source: {
              url: 'https://git.example.com/payments/deploy.git',
              path: './deploy',
            },
            mode: 'apply',
          },
        },
      ],
    }),
  },
  {
    description:
      "Write a tenant on a spoke into the fleet repository checked out in the workspace (gitops mode): its namespace for the spoke's tenants layer, its GitRepository and Kustomization in the hub's folder for that spoke",
    example: stringify({
      steps: [
        {
          id: 'tenant',
          action: 'hub:tenant:create',
          name: 'Add the search tenant on spoke-eu-1 to the fleet repository',
          input: {
            name: 'search',
            ownerGroup: 'team-search',
            quotaTier: 'small',
            networkExposure: 'ingress',
            source: {
              url: 'https://git.example.com/search/deploy.git',
              secretName: 'search-git',
            },
            cluster: 'spoke-eu-1',
            mode: 'gitops',
            gitopsDir: 'fleet',
          },
        },
      ],
    }),
  },
];

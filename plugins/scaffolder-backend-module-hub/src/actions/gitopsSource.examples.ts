import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Reconcile the infrastructure controllers from a release tag on the hub (apply mode)',
    example: stringify({
      steps: [
        {
          id: 'source',
          action: 'hub:gitops:source',
          name: 'Add the infrastructure controllers source',
          input: {
            name: 'infra-controllers',
            url: 'https://git.example.com/platform/infrastructure.git',
            tag: 'v1.4.0',
            path: './controllers',
            interval: '1h',
            wait: true,
            mode: 'apply',
          },
        },
      ],
    }),
  },
  {
    description:
      'Write an apps source that waits for the infrastructure into the fleet repository (gitops mode)',
    example: stringify({
      steps: [
        {
          id: 'source',
          action: 'hub:gitops:source',
          name: 'Add the apps source to the fleet repository',
          input: {
            name: 'apps',
            url: 'ssh://git@git.example.com/platform/apps.git',
            branch: 'production',
            path: './apps/production',
            interval: '10m',
            dependsOn: ['infra-controllers'],
            healthChecks: [
              {
                apiVersion: 'apps/v1',
                kind: 'Deployment',
                name: 'web',
                namespace: 'shop',
              },
            ],
            timeout: '5m',
            cluster: 'spoke-eu-1',
            mode: 'gitops',
            gitopsDir: 'fleet',
          },
        },
      ],
    }),
  },
];

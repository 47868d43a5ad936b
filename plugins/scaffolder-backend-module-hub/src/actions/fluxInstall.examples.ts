import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Install Flux on the hub with the multi-tenancy lockdown and sync it from the fleet repository (apply mode; credentials from the task secrets gitUsername and gitPassword)',
    example: stringify({
      steps: [
        {
          id: 'flux',
          action: 'hub:flux:install',
          name: 'Install Flux',
          input: {
            version: 'v2.9.5',
            sync: {
              url: 'https://git.example.com/platform/fleet.git',
              branch: 'main',
            },
            mode: 'apply',
          },
        },
      ],
    }),
  },
  {
    description:
      "Write Flux's own manifests into the fleet repository, so that Flux manages its upgrades (gitops mode, as flux bootstrap commits them)",
    example: stringify({
      steps: [
        {
          id: 'flux-manifests',
          action: 'hub:flux:install',
          name: 'Commit the Flux manifests',
          input: {
            cluster: 'hub',
            components: [
              'source-controller',
              'kustomize-controller',
              'helm-controller',
            ],
            tolerationKeys: ['node-role.kubernetes.io/control-plane'],
            sync: {
              url: 'ssh://git@git.example.com/platform/fleet.git',
              branch: 'main',
              path: './clusters/hub',
            },
            mode: 'gitops',
            gitopsDir: 'fleet',
          },
        },
      ],
    }),
  },
];

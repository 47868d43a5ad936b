import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Register a spoke with the hub directly (apply mode); its kubeconfig comes from the task secret spokeKubeconfig, never from an input',
    example: stringify({
      steps: [
        {
          id: 'spoke',
          action: 'hub:spoke:register',
          name: 'Register the eu-1 spoke',
          input: {
            name: 'eu-1',
            sourceUrl: 'https://git.example.com/platform/fleet.git',
            sourceBranch: 'main',
            region: 'eu-west-1',
            labels: { 'example.com/environment': 'production' },
            mode: 'apply',
          },
        },
      ],
    }),
  },
  {
    description:
      'Write a spoke into the fleet repository checked out in the workspace (gitops mode); its kubeconfig Secret is created out of band',
    example: stringify({
      steps: [
        {
          id: 'spoke',
          action: 'hub:spoke:register',
          name: 'Add the us-2 spoke to the fleet repository',
          input: {
            name: 'us-2',
            sourceName: 'fleet',
            sourceUrl: 'ssh://git@git.example.com/platform/fleet.git',
            sourceBranch: 'main',
            region: 'us-east-2',
            layers: ['infra-controllers', 'apps'],
            mode: 'gitops',
            gitopsDir: 'fleet',
          },
        },
      ],
    }),
  },
];

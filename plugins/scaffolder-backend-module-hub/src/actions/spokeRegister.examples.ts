import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Register a spoke with the hub directly (apply mode): its Flux accounts on the spoke, its objects on the hub; its kubeconfig comes from the task secret spokeKubeconfig, never from an input',
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
      "Write a spoke into the hub central's folder of the fleet repository checked out in the workspace (gitops mode); without the task secret spokeKubeconfig its kubeconfig Secret and its Flux accounts are created out of band",
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
            serviceAccounts: { apps: 'flux-restricted' },
            hubCluster: 'central',
            mode: 'gitops',
            gitopsDir: 'fleet',
          },
        },
      ],
    }),
  },
];

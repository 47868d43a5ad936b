import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Check the hub before installing Flux tenants: Flux CRDs, a small cluster, a default StorageClass only recommended',
    example: yaml.stringify({
      steps: [
        {
          id: 'preflight',
          action: 'hub:preflight',
          name: 'Check the hub cluster',
          input: {
            requireCrds: [
              'gitrepositories.source.toolkit.fluxcd.io',
              'kustomizations.kustomize.toolkit.fluxcd.io',
            ],
            minimumNodes: 1,
            minimumCpu: 1,
            minimumMemoryGi: 1,
            requireDefaultStorageClass: false,
          },
        },
      ],
    }),
  },
  {
    description:
      'Check a spoke strictly: three nodes, 12 cores, 48 GiB, and stop on warnings too',
    example: yaml.stringify({
      steps: [
        {
          id: 'preflight',
          action: 'hub:preflight',
          name: 'Check the spoke cluster',
          input: {
            cluster: 'spoke-eu-1',
            minimumNodes: 3,
            minimumCpu: 12,
            minimumMemoryGi: 48,
            failOn: 'warn',
          },
        },
      ],
    }),
  },
];

import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Check the hub after bootstrapping it; fail the step on any failed check',
    example: stringify({
      steps: [
        {
          id: 'verify',
          action: 'hub:verify',
          name: 'Verify the hub',
          input: { recoveryPointObjective: '24h' },
        },
      ],
    }),
  },
  {
    description:
      'Report on a spoke without failing the task, to show the report to the user',
    example: stringify({
      steps: [
        {
          id: 'verify-spoke',
          action: 'hub:verify',
          name: 'Check the spoke',
          input: {
            cluster: 'spoke-eu-1',
            recoveryPointObjective: '6h',
            failOn: 'never',
          },
        },
      ],
    }),
  },
];

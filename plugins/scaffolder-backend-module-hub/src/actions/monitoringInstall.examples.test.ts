import { connectToTestbed } from '@hubspoke/testbed';
import { readdir } from 'node:fs/promises';
import {
  expectExamplesUseKnownInputs,
  runExample,
} from '../__testUtils__/examples';
import { adminConnector } from '../__testUtils__/testbedClusters';
import { createMonitoringInstallAction } from './monitoringInstall';
import { examples } from './monitoringInstall.examples';

const { state } = connectToTestbed();
const action = createMonitoringInstallAction({
  clusters: adminConnector(state.kubeconfig),
});

describe('hub:monitoring:install examples', () => {
  it('writes the gitops-mode example into the workspace, with the task secrets it names', async () => {
    const { outputs, workspacePath } = await runExample(action, examples, 0, {
      isDryRun: true,
      secrets: {
        pagerdutyKey: 'example-routing-key',
        slackPlatform: 'https://hooks.slack.example.com/services/T/B/X',
        grafanaAdminPassword: 'example-password',
      },
    });

    expect(outputs.summary).toBe('13 files to write (dry run)');
    expect(await readdir(workspacePath)).toEqual([]);
  });

  it('dry-runs the apply-mode example against the testbed', async () => {
    const { outputs } = await runExample(action, examples, 1, {
      isDryRun: true,
    });

    expect(outputs.summary).toMatch(/^\d+ to create.*\(dry run\)$/);
  });

  it('every example uses hub:monitoring:install with known inputs', () => {
    expectExamplesUseKnownInputs(action, examples);
  });
});

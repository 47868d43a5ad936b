import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { connectToTestbed } from '@hubspoke/testbed';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exampleInput,
  expectExamplesUseKnownInputs,
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
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-example-'));
    const ctx = {
      ...createMockActionContext({
        input: exampleInput(examples, 0),
        workspacePath,
        secrets: {
          pagerdutyKey: 'example-routing-key',
          slackPlatform: 'https://hooks.slack.example.com/services/T/B/X',
          grafanaAdminPassword: 'example-password',
        },
      }),
      isDryRun: true,
    };
    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith(
      'summary',
      '13 files to write (dry run)',
    );
    expect(await readdir(workspacePath)).toEqual([]);
  });

  it('dry-runs the apply-mode example against the testbed', async () => {
    const ctx = {
      ...createMockActionContext({ input: exampleInput(examples, 1) }),
      isDryRun: true,
    };
    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith(
      'summary',
      expect.stringMatching(/^\d+ to create.*\(dry run\)$/),
    );
  });

  it('every example uses hub:monitoring:install with known inputs', () => {
    expectExamplesUseKnownInputs(action, examples);
  });
});

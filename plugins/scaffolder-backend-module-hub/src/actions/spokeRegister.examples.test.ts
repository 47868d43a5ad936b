import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { connectToTestbed } from '@hubspoke/testbed';
import { readFile } from 'node:fs/promises';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exampleInput,
  expectExamplesUseKnownInputs,
} from '../__testUtils__/examples';
import { adminConnector } from '../__testUtils__/testbedClusters';
import { createSpokeRegisterAction } from './spokeRegister';
import { examples } from './spokeRegister.examples';

const { state } = connectToTestbed();
const action = createSpokeRegisterAction({
  clusters: adminConnector(state.kubeconfig),
});

describe('hub:spoke:register examples', () => {
  it('dry-runs the apply-mode example against the testbed', async () => {
    // The shared testbed stands in for the spoke too: both dry runs go to it.
    const ctx = {
      ...createMockActionContext({
        input: exampleInput(examples, 0),
        secrets: { spokeKubeconfig: await readFile(state.kubeconfig, 'utf8') },
      }),
      isDryRun: true,
    };
    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('namespace', 'eu-1');
    expect(ctx.output).toHaveBeenCalledWith(
      'summary',
      expect.stringMatching(
        /^eu-1: 4 to create, .*\(dry run\); testbed: 7 to create, .*\(dry run\)$/,
      ),
    );
  });

  it('writes the gitops-mode example into the workspace', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-example-'));
    const ctx = createMockActionContext({
      input: exampleInput(examples, 1),
      workspacePath,
    });
    await action.handler(ctx);

    expect(
      (
        await readdir(join(workspacePath, 'fleet/clusters/central/spokes/us-2'))
      ).sort(),
    ).toEqual([
      'gitrepository-fleet.yaml',
      'kustomization-us-2-apps.yaml',
      'kustomization-us-2-infra-controllers.yaml',
      'kustomization.yaml',
      'namespace-us-2.yaml',
      'tenants',
    ]);
  });

  it('every example uses hub:spoke:register with known inputs', () => {
    expectExamplesUseKnownInputs(action, examples);
  });
});

import { connectToTestbed } from '@hubspoke/testbed';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  expectExamplesUseKnownInputs,
  runExample,
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
    const { outputs } = await runExample(action, examples, 0, {
      isDryRun: true,
      secrets: { spokeKubeconfig: await readFile(state.kubeconfig, 'utf8') },
    });

    expect(outputs.namespace).toBe('eu-1');
    expect(outputs.summary).toMatch(
      /^eu-1: 4 to create, .*\(dry run\); testbed: 7 to create, .*\(dry run\)$/,
    );
  });

  it('writes the gitops-mode example into the workspace', async () => {
    const { workspacePath } = await runExample(action, examples, 1);

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

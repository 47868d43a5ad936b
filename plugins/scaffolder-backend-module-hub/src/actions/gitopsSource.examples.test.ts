import { connectToTestbed } from '@hubspoke/testbed';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  expectExamplesUseKnownInputs,
  runExample,
} from '../__testUtils__/examples';
import { adminConnector } from '../__testUtils__/testbedClusters';
import { createGitopsSourceAction } from './gitopsSource';
import { examples } from './gitopsSource.examples';

const { state } = connectToTestbed();
const action = createGitopsSourceAction({
  clusters: adminConnector(state.kubeconfig),
});

describe('hub:gitops:source examples', () => {
  it('dry-runs the apply-mode example against the testbed', async () => {
    const { outputs } = await runExample(action, examples, 0, {
      isDryRun: true,
    });

    expect(outputs.summary).toMatch(/^\d+ to create.*\(dry run\)$/);
  });

  it('writes the gitops-mode example into the workspace', async () => {
    const { workspacePath } = await runExample(action, examples, 1);

    expect(
      await readdir(join(workspacePath, 'fleet/infrastructure/apps')),
    ).toEqual([
      'gitrepository-apps.yaml',
      'kustomization-apps.yaml',
      'kustomization.yaml',
    ]);
    expect(
      await readFile(
        join(
          workspacePath,
          'fleet/clusters/spoke-eu-1/infrastructure/kustomization.yaml',
        ),
        'utf8',
      ),
    ).toContain('../../../infrastructure/apps');
  });

  it('every example uses hub:gitops:source with known inputs', () => {
    expectExamplesUseKnownInputs(action, examples);
  });
});

import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { connectToTestbed } from '@hubspoke/testbed';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exampleInput,
  expectExamplesUseKnownInputs,
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
    const ctx = {
      ...createMockActionContext({ input: exampleInput(examples, 0) }),
      isDryRun: true,
    };
    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith(
      'summary',
      expect.stringMatching(/^\d+ to create.*\(dry run\)$/),
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

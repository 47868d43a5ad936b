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
import { createSecurityBaselineAction } from './securityBaseline';
import { examples } from './securityBaseline.examples';

const { state } = connectToTestbed();
const action = createSecurityBaselineAction({
  clusters: adminConnector(state.kubeconfig),
});

describe('hub:security:baseline examples', () => {
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

    const files = await readdir(
      join(workspacePath, 'fleet/clusters/hub/security-baseline'),
    );
    expect(files).toEqual(
      expect.arrayContaining([
        'kustomization.yaml',
        'namespace-observability.yaml',
        'networkpolicy-observability-hubspoke-default-deny.yaml',
        'validatingadmissionpolicy-hubspoke-tenant-allowed-registries.yaml',
      ]),
    );
  });

  it('every example uses hub:security:baseline with known inputs', () => {
    expectExamplesUseKnownInputs(action, examples);
  });
});

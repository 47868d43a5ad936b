import { connectToTestbed } from '@hubspoke/testbed';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  expectExamplesUseKnownInputs,
  runExample,
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
    const { outputs } = await runExample(action, examples, 0, {
      isDryRun: true,
    });

    expect(outputs.summary).toMatch(/^\d+ to create.*\(dry run\)$/);
  });

  it('writes the gitops-mode example into the workspace', async () => {
    const { workspacePath } = await runExample(action, examples, 1);

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

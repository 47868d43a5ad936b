import { connectToTestbed } from '@hubspoke/testbed';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  expectExamplesUseKnownInputs,
  runExample,
} from '../__testUtils__/examples';
import { adminConnector } from '../__testUtils__/testbedClusters';
import { createTenantCreateAction } from './tenantCreate';
import { examples } from './tenantCreate.examples';

const { state } = connectToTestbed();
const action = createTenantCreateAction({
  clusters: adminConnector(state.kubeconfig),
});

describe('hub:tenant:create examples', () => {
  it('dry-runs the apply-mode example against the testbed', async () => {
    const { outputs } = await runExample(action, examples, 0, {
      isDryRun: true,
    });

    expect(outputs.namespaces).toEqual(['payments-dev', 'payments-prod']);
    expect(outputs.summary).toMatch(/^\d+ to create.*\(dry run\)$/);
  });

  it('writes the gitops-mode example into the workspace', async () => {
    const { workspacePath } = await runExample(action, examples, 1);

    expect(
      await readdir(join(workspacePath, 'fleet/tenants/search/search')),
    ).toContain('namespace-search.yaml');
    expect(
      await readdir(
        join(
          workspacePath,
          'fleet/clusters/testbed/spokes/spoke-eu-1/tenants/search',
        ),
      ),
    ).toContain('kustomization-search.yaml');
  });

  it('every example uses hub:tenant:create with known inputs', () => {
    expectExamplesUseKnownInputs(action, examples);
  });
});

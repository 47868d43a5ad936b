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
import { createTenantCreateAction } from './tenantCreate';
import { examples } from './tenantCreate.examples';

const { state } = connectToTestbed();
const action = createTenantCreateAction({
  clusters: adminConnector(state.kubeconfig),
});

describe('hub:tenant:create examples', () => {
  it('dry-runs the apply-mode example against the testbed', async () => {
    const ctx = {
      ...createMockActionContext({ input: exampleInput(examples, 0) }),
      isDryRun: true,
    };
    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('namespaces', [
      'payments-dev',
      'payments-prod',
    ]);
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

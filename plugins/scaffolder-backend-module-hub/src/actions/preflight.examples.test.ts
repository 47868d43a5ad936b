import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { connectToTestbed } from '@hubspoke/testbed';
import {
  exampleInput,
  expectExamplesUseKnownInputs,
} from '../__testUtils__/examples';
import { adminConnector } from '../__testUtils__/testbedClusters';
import { createPreflightAction } from './preflight';
import { examples } from './preflight.examples';

const { state } = connectToTestbed();

describe('hub:preflight examples', () => {
  it('passes the first example on the testbed, warning about the StorageClass', async () => {
    const action = createPreflightAction({
      clusters: adminConnector(state.kubeconfig),
    });
    const input = exampleInput(examples, 0);
    const ctx = createMockActionContext({ input });

    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('passed', true);
    expect(ctx.output).toHaveBeenCalledWith(
      'summary',
      '6 passed, 1 warning, 0 failed',
    );
  });

  it('every example uses hub:preflight with known inputs', () => {
    const action = createPreflightAction({
      clusters: adminConnector(state.kubeconfig),
    });
    expectExamplesUseKnownInputs(action, examples);
  });
});

import { connectToTestbed } from '@hubspoke/testbed';
import {
  expectExamplesUseKnownInputs,
  runExample,
} from '../__testUtils__/examples';
import { adminConnector } from '../__testUtils__/testbedClusters';
import { createPreflightAction } from './preflight';
import { examples } from './preflight.examples';

const { state } = connectToTestbed();
const action = createPreflightAction({
  clusters: adminConnector(state.kubeconfig),
});

describe('hub:preflight examples', () => {
  it('passes the first example on the testbed, warning about the StorageClass', async () => {
    const { outputs } = await runExample(action, examples, 0);

    expect(outputs.passed).toBe(true);
    expect(outputs.summary).toBe('6 passed, 1 warning, 0 failed');
  });

  it('every example uses hub:preflight with known inputs', () => {
    expectExamplesUseKnownInputs(action, examples);
  });
});

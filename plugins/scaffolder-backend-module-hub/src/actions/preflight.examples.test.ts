import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { connectToTestbed } from '@hubspoke/testbed';
import yaml from 'yaml';
import { adminConnector } from '../__testUtils__/testbedClusters';
import { createPreflightAction } from './preflight';
import { examples } from './preflight.examples';

const { state } = connectToTestbed();

describe('hub:preflight examples', () => {
  it('passes the first example on the testbed, warning about the StorageClass', async () => {
    const action = createPreflightAction({
      clusters: adminConnector(state.kubeconfig),
    });
    const input = yaml.parse(examples[0].example).steps[0].input;
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
    const known = Object.keys(
      (action.schema?.input as { properties: object }).properties,
    );
    for (const { example } of examples) {
      const [step] = yaml.parse(example).steps;
      expect(step.action).toBe(action.id);
      expect(known).toEqual(expect.arrayContaining(Object.keys(step.input)));
    }
  });
});

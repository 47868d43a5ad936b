import { connectToTestbed } from '@hubspoke/testbed';
import { expectExamplesUseKnownInputs } from '../__testUtils__/examples';
import { runAction } from '../__testUtils__/runAction';
import { adminConnector } from '../__testUtils__/testbedClusters';
import { createVerifyAction } from './verify';
import { examples } from './verify.examples';

const { state } = connectToTestbed();
const action = createVerifyAction({
  clusters: adminConnector(state.kubeconfig),
});

describe('hub:verify', () => {
  it('every example uses hub:verify with known inputs', () => {
    expectExamplesUseKnownInputs(action, examples);
  });

  it('reports every check with evidence and, with failOn never, does not fail the step', async () => {
    const { outputs, logger } = await runAction(action, { failOn: 'never' });
    const ids = outputs.report.checks.map((c: { id: string }) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'controlPlane.readyz',
        'etcd.readiness',
        'controlPlane.ha',
        'flux.reconciliation',
        'backups.recency',
      ]),
    );
    // Without an etcd client config the member list is not asked for.
    expect(ids).not.toContain('etcd.members');
    expect(outputs.summary).toMatch(/^\d+ pass, \d+ warn, \d+ fail$/);
    // The shared testbed runs one API server.
    const ha = outputs.report.checks.find(
      (c: { id: string }) => c.id === 'controlPlane.ha',
    );
    expect(ha).toMatchObject({
      status: 'fail',
      reason: expect.stringMatching(/^1 live API server/),
    });
    const logged =
      JSON.stringify(logger.warn.mock.calls) + JSON.stringify(outputs);
    expect(logged).not.toMatch(/BEGIN (RSA |EC )?PRIVATE KEY|client-key-data/);
  });

  it('fails the step naming each failed check', async () => {
    await expect(runAction(action, {})).rejects.toThrow(
      /controlPlane\.ha fail: 1 live API server/,
    );
  });

  it.each(['0h', '24', '1w', 'soon'])(
    'refuses the recovery point objective %j naming the field',
    async value => {
      await expect(
        runAction(action, { recoveryPointObjective: value }),
      ).rejects.toThrow(
        /^recoveryPointObjective: must be a positive number of minutes, hours or days/,
      );
    },
  );
});

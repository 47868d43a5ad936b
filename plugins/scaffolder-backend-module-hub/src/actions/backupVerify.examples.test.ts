import { connectToTestbed, testbedBinDir } from '@hubspoke/testbed';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exampleInput,
  expectExamplesUseKnownInputs,
} from '../__testUtils__/examples';
import { runAction } from '../__testUtils__/runAction';
import { adminConnector } from '../__testUtils__/testbedClusters';
import { createBackupVerifyAction } from './backupVerify';
import { examples } from './backupVerify.examples';

jest.setTimeout(120_000);

const { state } = connectToTestbed();
const snapshotDir = mkdtempSync(join(tmpdir(), 'hub-verify-example-'));
afterAll(() => rmSync(snapshotDir, { recursive: true, force: true }));
// hubspoke.backup as the portal would read it, pointing at the testbed's etcd.
const action = createBackupVerifyAction({
  clusters: adminConnector(state.kubeconfig),
  backup: {
    etcdBinDir: testbedBinDir(),
    etcd: { endpoint: state.etcdClientURLs[0] },
    snapshotDir,
  },
});

describe('hub:backup:verify examples', () => {
  it('runs the configured example against the testbed', async () => {
    const { outputs } = await runAction(action, exampleInput(examples, 0));
    expect(outputs.report.status).toBe('pass');
  });

  it('asks for the client certificate of the https member in the second example', async () => {
    await expect(runAction(action, exampleInput(examples, 1))).rejects.toThrow(
      'secrets: etcdCaCert, etcdClientCert and etcdClientKey are required for https://10.0.0.11:2379',
    );
  });

  it('every example uses hub:backup:verify with known inputs', () => {
    expectExamplesUseKnownInputs(action, examples);
  });
});

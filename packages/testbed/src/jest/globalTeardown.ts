import { getOwnedTestbed, setOwnedTestbed } from './ownedTestbed';
import { TESTBED_STATE_ENV } from './testbedStateEnv';

/** Jest globalTeardown: stops the testbed that globalSetup started, never a reused one. */
export default async function globalTeardown(): Promise<void> {
  const testbed = getOwnedTestbed();
  if (!testbed) {
    return;
  }
  setOwnedTestbed(undefined);
  if (process.env[TESTBED_STATE_ENV] === testbed.stateFile) {
    delete process.env[TESTBED_STATE_ENV];
  }
  await testbed.stop();
}

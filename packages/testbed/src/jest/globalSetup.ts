import { ensureTestbedBuilt } from '../ensureTestbedBuilt';
import { isTestbedRunning } from '../readTestbedState';
import { startTestbed } from '../startTestbed';
import { getOwnedTestbed, setOwnedTestbed } from './ownedTestbed';
import { TESTBED_STATE_ENV } from './testbedStateEnv';

/**
 * Jest globalSetup: one testbed for the whole run. Reuses the testbed that
 * HUBSPOKE_TESTBED_STATE points at when it is running; otherwise starts one with
 * the Flux controllers (`--flux`, which also applies the CRDs) and hands its
 * testbed.json to the workers through that variable. Flux test files that find a
 * reused testbed without Flux start their own (see connectToFluxTestbed).
 */
export default async function globalSetup(): Promise<void> {
  // Each jest project that opts in runs this; the first one starts the testbed.
  if (getOwnedTestbed()) {
    return;
  }
  const stateFile = process.env[TESTBED_STATE_ENV];
  if (stateFile && isTestbedRunning(stateFile)) {
    return;
  }
  if (stateFile) {
    process.stderr.write(
      `${TESTBED_STATE_ENV}=${stateFile} is not a running testbed; starting a new one\n`,
    );
  }
  await ensureTestbedBuilt();
  const testbed = await startTestbed({ flux: true });
  setOwnedTestbed(testbed);
  process.env[TESTBED_STATE_ENV] = testbed.stateFile;
}

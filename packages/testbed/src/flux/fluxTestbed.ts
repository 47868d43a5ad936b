import { KubeConfig } from '@kubernetes/client-node';
import { ensureTestbedBuilt } from '../ensureTestbedBuilt';
import { TESTBED_STATE_ENV } from '../jest/testbedStateEnv';
import { isTestbedRunning, readTestbedState } from '../readTestbedState';
import { startTestbed } from '../startTestbed';
import { TestbedState } from '../types';

export interface FluxTestbed {
  state: TestbedState;
  /** Admin (system:masters) KubeConfig for the first apiserver. */
  kubeConfig: KubeConfig;
  /** Whether this is a testbed of the calling test file's own (see connectToFluxTestbed). */
  ownTestbed: boolean;
  /** Stops the testbed when it is the file's own; leaves the shared one running. */
  release(): Promise<void>;
}

/**
 * A testbed that runs the Flux controllers: the run's shared testbed when it does
 * (the package's globalSetup starts it with `--flux`), otherwise, e.g. when
 * HUBSPOKE_TESTBED_STATE names a testbed started with `--flux-crds` only, one of the
 * calling test file's own. Call it in `beforeAll` (it can take a minute) and
 * `release()` it in `afterAll`.
 */
export async function connectToFluxTestbed(): Promise<FluxTestbed> {
  const stateFile = process.env[TESTBED_STATE_ENV];
  if (stateFile && isTestbedRunning(stateFile)) {
    const state = readTestbedState(stateFile);
    if (state.flux) {
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromFile(state.kubeconfig);
      return { state, kubeConfig, ownTestbed: false, release: async () => {} };
    }
  }
  await ensureTestbedBuilt();
  const testbed = await startTestbed({ flux: true, nodes: 0 });
  return {
    state: testbed.state,
    kubeConfig: testbed.kubeConfig(),
    ownTestbed: true,
    release: () => testbed.stop(),
  };
}

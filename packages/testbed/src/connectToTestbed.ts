import { KubeConfig } from '@kubernetes/client-node';
import { TESTBED_STATE_ENV } from './jest/testbedStateEnv';
import { readTestbedState } from './readTestbedState';
import { TestbedState } from './types';

export interface ConnectedTestbed {
  state: TestbedState;
  /** Admin (system:masters) KubeConfig for the first apiserver. */
  kubeConfig: KubeConfig;
}

/** The shared testbed of this test run, started by the package's jest globalSetup. */
export function connectToTestbed(): ConnectedTestbed {
  const stateFile = process.env[TESTBED_STATE_ENV];
  if (!stateFile) {
    throw new Error(
      `${TESTBED_STATE_ENV} is not set: add "globalSetup": "@hubspoke/testbed/globalSetup" ` +
        `and "globalTeardown": "@hubspoke/testbed/globalTeardown" to the "jest" field of package.json`,
    );
  }
  const state = readTestbedState(stateFile);
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(state.kubeconfig);
  return { state, kubeConfig };
}

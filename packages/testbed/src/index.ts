/**
 * Starts the real local Kubernetes control plane in testbed/ for Jest tests.
 *
 * @packageDocumentation
 */

export { apiErrorFrom, type ApiError } from './apiErrorFrom';
export { connectToTestbed, type ConnectedTestbed } from './connectToTestbed';
export { createTestNamespace, type TestNamespace } from './createTestNamespace';
export {
  ensureTestbedBuilt,
  type EnsureTestbedBuiltOptions,
} from './ensureTestbedBuilt';
export { eventually, type EventuallyOptions } from './eventually';
export { findRepoRoot, testbedBinDir } from './findRepoRoot';
export { TESTBED_STATE_ENV } from './jest/testbedStateEnv';
export { kubeConfigForServer, kubeConfigForToken } from './kubeConfigs';
export {
  isProcessRunning,
  stopProcess,
  type StopProcessOptions,
} from './processes';
export { isTestbedRunning, readTestbedState } from './readTestbedState';
export {
  startTestbed,
  type StartTestbedOptions,
  type Testbed,
} from './startTestbed';
export type { TestbedProcess, TestbedState } from './types';
export { uniqueName } from './uniqueName';

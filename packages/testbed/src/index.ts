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
export {
  createFluxTenant,
  type CreateFluxTenantOptions,
  type FluxTenant,
} from './flux/createFluxTenant';
export {
  applyGitSource,
  applyObject,
  condition,
  deleteFluxObject,
  describeStatus,
  gitCredentialsSecret,
  gitRepository,
  gitRepositoryRef,
  kustomization,
  kustomizationRef,
  readFluxObject,
  requestReconcile,
  waitForAppliedRevision,
  waitForFlux,
  type FluxCondition,
  type FluxObject,
  type FluxObjectRef,
  type WaitForFluxOptions,
} from './flux/fluxObjects';
export { connectToFluxTestbed, type FluxTestbed } from './flux/fluxTestbed';
export { commitFiles, type CommitFilesOptions } from './git/commitFiles';
export {
  startGitServer,
  type GitRemote,
  type GitServer,
  type GitServerRepository,
  type StartGitServerOptions,
} from './git/gitServer';
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
export type {
  TestbedFluxController,
  TestbedFluxState,
  TestbedProcess,
  TestbedState,
} from './types';
export { uniqueName } from './uniqueName';

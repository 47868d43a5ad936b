/**
 * Node.js library shared by the Hubspoke backend plugin and scaffolder module:
 * the cluster config, connections to the hub and spoke clusters, and the apply engine
 * (server-side apply with dry run, conflict reports and CRD ordering).
 *
 * @packageDocumentation
 */

export { readHubspokeConfig } from './config/readHubspokeConfig';
export type {
  HubClusterAuth,
  HubClusterConfig,
  HubspokeConfig,
} from './config/types';
export { kubeConfigForCluster } from './cluster/kubeConfigForCluster';
export { clusterSummary } from './cluster/clusterSummary';
export { createApplyEngine } from './apply/createApplyEngine';
export { sortForApply } from './apply/sortForApply';
export {
  describeApplyReport,
  type ApplyReportDescription,
} from './apply/describeApplyReport';
export type {
  ApplyAction,
  ApplyEngine,
  ApplyOptions,
  ApplyReport,
  AppliedObject,
  CreateApplyEngineOptions,
  DeleteAction,
  DeletedObject,
  DeleteOptions,
  DeleteReport,
  KubernetesObjectReference,
} from './apply/types';
export { buildFluxComponents } from './flux/buildFluxComponents';
export {
  buildFluxInstallManifests,
  type FluxInstallManifest,
} from './flux/buildFluxInstall';
export {
  fluxInstallGitopsFiles,
  fluxInstallGitopsRoot,
} from './flux/fluxInstallGitops';
export { lockdownPatches } from './flux/lockdownPatches';
export { fluxDistribution } from './flux/fluxDistribution';
export type {
  DeploymentPatch,
  FluxDistribution,
  JsonPatchOperation,
  UpstreamManifest,
} from './flux/types';
export {
  prometheusOperatorCrds,
  type PrometheusOperatorCrds,
} from './monitoring/prometheusOperatorCrds';
export { runVerify } from './verify/runVerify';
export type { EtcdClientConfig, VerifyOptions } from './verify/types';
export { veleroCrds, veleroCrdsYaml } from './backup/veleroCrds';
export {
  configMapEtcdKey,
  writeBackupMarker,
  type BackupMarker,
} from './backup/backupMarker';
export {
  checkEtcdEndpoint,
  etcdSnapshotStatus,
  saveEtcdSnapshot,
  type EtcdSnapshotStatus,
} from './backup/etcdSnapshot';
export {
  EtcdToolError,
  runEtcdTool,
  type EtcdTool,
  type EtcdToolsOptions,
} from './backup/etcdTools';
export {
  readEtcdKey,
  restoreIntoThrowawayEtcd,
  type ThrowawayEtcd,
} from './backup/throwawayEtcd';
export {
  verifyEtcdBackup,
  type VerifyEtcdBackupOptions,
} from './backup/verifyEtcdBackup';
export {
  readBackupConfig,
  type BackupToolsConfig,
} from './backup/readBackupConfig';
export {
  clusterApiCrds,
  type ClusterApiCrds,
} from './controlplane/clusterApiCrds';

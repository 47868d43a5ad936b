/**
 * Types and pure helpers shared by the Hubspoke frontend, backend and scaffolder actions.
 *
 * @packageDocumentation
 */

export type {
  HubClusterRole,
  HubClusterAuthType,
  HubClusterSummary,
  HubClusterList,
  HubHealth,
} from './clusters';
export { dns1123LabelProblem } from './names';
export type {
  ObjectMeta,
  NamespacedObjectMeta,
  LabelSelector,
  ComputeResources,
  NamespaceManifest,
  ServiceAccountManifest,
  RoleBindingSubject,
  RoleBindingManifest,
  ResourceQuotaManifest,
  LimitRangeManifest,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyManifest,
  ClusterRoleBindingManifest,
  SecretManifest,
  GitRepositoryRef,
  GitRepositoryManifest,
  OCIRepositoryRef,
  OCIRepositoryManifest,
  KustomizationHealthCheck,
  FluxKustomizationManifest,
  HelmRepositoryManifest,
  HelmCrdPolicy,
  HelmReleaseManifest,
  KubernetesManifest,
} from './manifests/types';
export { quotaTiers, quotaTierNames } from './manifests/quotaTiers';
export type { QuotaTier, QuotaTierName } from './manifests/quotaTiers';
export {
  tenantInputSchema,
  parseTenantInput,
  TenantInputError,
  TENANT_NAME_MAX_LENGTH,
} from './manifests/tenantInput';
export type { TenantInput, TenantInputDraft } from './manifests/tenantInput';
export { tenantNamespaces } from './manifests/tenantNamespaces';
export type { TenantNamespace } from './manifests/tenantNamespaces';
export { buildTenantManifests } from './manifests/buildTenantManifests';
export { renderManifestsYaml } from './manifests/renderYaml';
export {
  tenantGitopsFiles,
  tenantGitopsRoot,
  tenantClusterEntry,
} from './manifests/tenantGitops';
export {
  gitopsSourceInputSchema,
  parseGitopsSourceInput,
  GitopsSourceInputError,
} from './manifests/gitopsSourceInput';
export type {
  GitopsSourceInput,
  GitopsSourceInputDraft,
  GitopsSourceRef,
} from './manifests/gitopsSourceInput';
export {
  buildGitopsSourceManifests,
  gitopsSourceSecretName,
  gitopsSourceRoot,
  gitopsSourceFiles,
  gitopsSourceClusterEntry,
} from './manifests/gitopsSourceManifests';
export type {
  GitopsSourceCredentials,
  GitopsSourceManifest,
} from './manifests/gitopsSourceManifests';
export {
  spokeInputSchema,
  parseSpokeInput,
  SpokeInputError,
  DEFAULT_SPOKE_LAYERS,
  SPOKE_ACCOUNTS,
  SPOKE_CLUSTER_ADMIN_ACCOUNT,
  SPOKE_RESTRICTED_ACCOUNT,
} from './manifests/spokeInput';
export type {
  SpokeAccount,
  SpokeInput,
  SpokeInputDraft,
} from './manifests/spokeInput';
export {
  buildSpokeManifests,
  buildSpokeKubeconfigManifests,
  spokeKubeconfigSecretName,
  spokeLayerName,
} from './manifests/spokeManifests';
export type { SpokeManifest } from './manifests/spokeManifests';
export {
  buildSpokeAccountManifests,
  spokeClusterAdminBindingName,
} from './manifests/spokeAccounts';
export type { SpokeAccountManifest } from './manifests/spokeAccounts';
export {
  spokeGitopsFiles,
  spokeGitopsRoot,
  spokeClusterEntry,
  spokesGitopsDir,
  SPOKE_TENANTS_DIR,
} from './manifests/spokeGitops';
export {
  buildSpokeTenantManifests,
  spokeTenantNamespaceObjects,
  spokeTenantSyncObjects,
} from './manifests/spokeTenantManifests';
export type { SpokeTenantManifests } from './manifests/spokeTenantManifests';
export { spokeTenantServiceAccountName } from './manifests/spokeTenantAccess';
export {
  spokeTenantGitopsFiles,
  spokeTenantsGitopsDir,
  spokeTenantSyncRoot,
  spokeTenantSyncEntry,
} from './manifests/spokeTenantGitops';
export { renderYamlDocument } from './manifests/renderYaml';
export {
  fluxInstallInputSchema,
  parseFluxInstallInput,
  FluxInstallInputError,
  FLUX_COMPONENTS,
  FLUX_VERSIONS,
} from './manifests/fluxInstallInput';
export type {
  FluxComponent,
  FluxInstallInput,
  FluxInstallInputDraft,
  FluxSyncInput,
  FluxVersion,
} from './manifests/fluxInstallInput';
export {
  buildFluxSyncManifests,
  fluxSyncName,
  fluxSyncSecret,
} from './manifests/fluxSync';
export type {
  FluxSyncCredentials,
  FluxSyncManifest,
  FluxSyncSourceManifest,
} from './manifests/fluxSync';
export { HUB_AREAS, worstStatus } from './checks';
export type {
  HubArea,
  HubCheck,
  HubCheckReport,
  HubCheckStatus,
} from './checks';
export {
  securityBaselineInputSchema,
  parseSecurityBaselineInput,
  SecurityBaselineInputError,
  ADMISSION_ENGINES,
  POD_SECURITY_LEVELS,
  DEFAULT_OWNER_LABEL,
  DEFAULT_SYSTEM_NAMESPACES,
  DEFAULT_TENANT_LABEL,
} from './security/securityBaselineInput';
export type {
  AdmissionEngine,
  PodSecurityLevel,
  SecurityBaselineInput,
  SecurityBaselineInputDraft,
} from './security/securityBaselineInput';
export { buildSecurityBaselineManifests } from './security/buildSecurityBaseline';
export type {
  SecurityBaselineManifest,
  SecurityBaselineTargets,
} from './security/buildSecurityBaseline';
export {
  PLATFORM_ADMIN_ROLE,
  PLATFORM_VIEWER_ROLE,
  TENANT_RECONCILER_ROLE,
} from './security/platformRbac';
export {
  buildKyvernoClusterPolicies,
  KYVERNO_VERSION,
} from './security/kyvernoClusterPolicies';
export type { KyvernoClusterPolicyManifest } from './security/kyvernoClusterPolicies';
export {
  securityBaselineGitopsFiles,
  securityBaselineGitopsRoot,
} from './security/securityBaselineGitops';
export type { SecurityBaselineGitopsOptions } from './security/securityBaselineGitops';
export {
  monitoringInputSchema,
  parseMonitoringInput,
  MonitoringInputError,
} from './monitoring/monitoringInput';
export type {
  MonitoringInput,
  MonitoringInputDraft,
} from './monitoring/monitoringInput';
export {
  alertingInputSchema,
  ALERT_SEVERITIES,
  RECEIVER_TYPES,
  NULL_RECEIVER,
} from './monitoring/alertingInput';
export type {
  AlertingInput,
  AlertReceiverInput,
  AlertSeverity,
  ReceiverType,
} from './monitoring/alertingInput';
export { prometheusDurationSeconds } from './monitoring/monitoringRules';
export {
  buildAlertmanagerConfig,
  TENANT_LABEL,
} from './monitoring/alertmanagerConfig';
export type {
  AlertmanagerConfig,
  AlertmanagerReceiver,
  AlertmanagerRoute,
  InhibitRule,
  PagerDutyConfig,
  SlackConfig,
  WebhookConfig,
} from './monitoring/alertmanagerConfig';
export {
  alertNames,
  buildHubPrometheusRule,
  buildHubRuleGroups,
  isAlertingRule,
  HUB_PROMETHEUS_RULE,
} from './monitoring/hubPrometheusRule';
export { NAMESPACE_TENANT_SERIES } from './monitoring/fluxRules';
export {
  ETCD_SNAPSHOT_LAST_SUCCESS_SERIES,
  VELERO_LAST_SUCCESS_SERIES,
} from './monitoring/backupRules';
export { AREA_LABEL } from './monitoring/ruleHelpers';
export {
  buildDashboardConfigMaps,
  buildHubDashboards,
  GRAFANA_DASHBOARD_LABEL,
} from './monitoring/dashboards/dashboardConfigMaps';
export type {
  GrafanaDashboard,
  GrafanaPanel,
  GrafanaTarget,
  GrafanaTemplateVariable,
} from './monitoring/dashboards/grafanaDashboard';
export {
  MONITORING_CHARTS,
  PROMETHEUS_OPERATOR_VERSION,
} from './monitoring/monitoringCharts';
export type { PinnedChart } from './monitoring/monitoringCharts';
export {
  alertmanagerSecretsDir,
  buildMonitoringSecrets,
  monitoringSecretProblems,
  ALERTMANAGER_RECEIVERS_SECRET,
  GRAFANA_ADMIN_PASSWORD_SECRET,
  GRAFANA_ADMIN_SECRET,
} from './monitoring/monitoringSecrets';
export {
  buildMonitoringConfigs,
  buildMonitoringControllers,
  buildMonitoringManifests,
  monitoringNamespace,
} from './monitoring/monitoringManifests';
export type { MonitoringManifest } from './monitoring/monitoringManifests';
export {
  monitoringGitopsFiles,
  monitoringGitopsRoot,
} from './monitoring/monitoringGitops';
export { KUBE_PROMETHEUS_STACK_RELEASE } from './monitoring/kubePrometheusStack';
export { MONITORING_RELEASE_ACCOUNT } from './monitoring/helmReleases';
export type {
  AlertingRule,
  ConfigMapManifest,
  PodMonitorManifest,
  PrometheusRuleEntry,
  PrometheusRuleGroup,
  PrometheusRuleManifest,
  RecordingRule,
} from './monitoring/monitoringTypes';
export {
  auditInputSchema,
  parseAuditInput,
  AuditInputError,
} from './audit/auditInput';
export type { AuditInput, AuditInputDraft } from './audit/auditInput';
export {
  buildAuditPolicy,
  FLUX_API_GROUPS,
  HEALTH_ENDPOINTS,
  CONFIDENTIAL_RESOURCES,
} from './audit/auditPolicy';
export type {
  AuditGroupResources,
  AuditLevel,
  AuditPolicy,
  AuditPolicyRule,
  AuditStage,
} from './audit/auditPolicyTypes';
export {
  apiServerAuditArgs,
  apiServerAuditFlags,
  kubeadmAuditPatch,
} from './audit/kubeadmAudit';
export type {
  ApiServerFlag,
  KubeadmAuditPatch,
  KubeadmHostPathMount,
} from './audit/kubeadmAudit';
export { auditGitopsFiles, auditGitopsRoot } from './audit/auditGitops';
export {
  backupInputSchema,
  parseBackupInput,
  BackupInputError,
  BACKUP_PROVIDERS,
} from './backup/backupInput';
export type {
  BackupInput,
  BackupInputDraft,
  BackupStorage,
  BackupTenant,
  EtcdSnapshotSettings,
} from './backup/backupInput';
export type {
  BackupManifest,
  BackupNamespaceManifest,
  BackupSecretManifest,
  BackupStorageLocationManifest,
  ContainerManifest,
  CronJobManifest,
  VeleroScheduleManifest,
  VolumeManifest,
} from './backup/backupTypes';
export {
  backupNamespace,
  buildBackupManifests,
} from './backup/buildBackupManifests';
export {
  backupClusterEntry,
  backupGitopsFiles,
  backupGitopsRoot,
} from './backup/backupGitops';
export {
  VELERO_VERSION,
  VELERO_CHART_VERSION,
  VELERO_AWS_PLUGIN_IMAGE,
  VELERO_CREDENTIALS_SECRET,
  VELERO_CREDENTIALS_KEY,
} from './backup/veleroRelease';
export {
  awsCredentialsFile,
  backupCredentialsSecret,
  BACKUP_STORAGE_LOCATION,
} from './backup/veleroStorage';
export type { BackupCredentials } from './backup/veleroStorage';
export {
  CLUSTER_STATE_SCHEDULE,
  tenantScheduleName,
} from './backup/veleroSchedules';
export {
  ETCD_SNAPSHOT_CRONJOB,
  etcdSnapshotShipping,
} from './backup/etcdSnapshotCronJob';
export {
  etcdConnectionArgs,
  etcdSnapshotSaveArgs,
  etcdSnapshotStatusArgs,
  KUBEADM_ETCD,
  localSnapshotSteps,
  renderShellScript,
  shellQuote,
  uploadSnapshotSteps,
} from './backup/etcdSnapshotScript';
export type {
  EtcdConnection,
  ShellStep,
  SnapshotShipping,
} from './backup/etcdSnapshotScript';
export {
  backupVerifyInputSchema,
  parseBackupVerifyInput,
  BackupVerifyInputError,
} from './backup/backupVerifyInput';
export type { BackupVerifyInput } from './backup/backupVerifyInput';
export {
  controlPlaneInputSchema,
  parseControlPlaneInput,
  ControlPlaneInputError,
  CONTROL_PLANE_PROVIDERS,
} from './controlplane/controlPlaneInput';
export type {
  ClusterApiPlanInput,
  ControlPlaneInput,
  ControlPlaneInputDraft,
  KubeadmPlanInput,
} from './controlplane/controlPlaneInput';
export {
  CNI_CHARTS,
  CNI_PLUGINS,
  CSI_CHARTS,
  CSI_DRIVERS,
} from './controlplane/addonCharts';
export type {
  AddonChart,
  CniPlugin,
  CsiDriver,
} from './controlplane/addonCharts';
export { buildControlPlaneManifests } from './controlplane/controlPlaneManifests';
export {
  clusterKubeconfigSecret,
  controlPlaneName,
} from './controlplane/controlPlaneMeta';
export {
  controlPlaneGitopsFiles,
  controlPlaneGitopsRoot,
  KUBEADM_DIR,
} from './controlplane/controlPlaneGitops';
export type {
  ClusterApiClusterManifest,
  ControlPlaneManifest,
  InfrastructureManifest,
  KubeadmClusterConfiguration,
  KubeadmConfigFile,
  KubeadmControlPlaneManifest,
  KubeadmInitConfiguration,
  KubeadmJoinConfiguration,
} from './controlplane/controlPlaneTypes';
export {
  HUB_FLUX_KINDS,
  isHubFluxKind,
  type HubFluxKind,
} from './status/fluxKinds';
export { HUB_TENANT_LABEL } from './status/types';
export type {
  HubClusterState,
  HubClusterStatus,
  HubClusterStatusList,
  HubConditionStatus,
  HubDataAge,
  HubFluxFilter,
  HubFluxObject,
  HubFluxObjectList,
  HubStatusEnvelope,
  HubWatchedKind,
} from './status/types';

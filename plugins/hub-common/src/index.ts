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
  GitRepositoryManifest,
  FluxKustomizationManifest,
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

import {
  tenantNamespaceManifest,
  tenantReconcilerRoleBinding,
  tenantServiceAccount,
} from './tenantAccess';
import { TenantInput } from './tenantInput';
import { tenantLimitRange, tenantResourceQuota } from './tenantLimits';
import { TenantNamespace, tenantNamespaces } from './tenantNamespaces';
import { tenantNetworkPolicies } from './tenantNetworkPolicies';
import { tenantGitRepository, tenantKustomization } from './tenantSync';
import { KubernetesManifest } from './types';

/** The objects that live in one tenant namespace, in apply order. */
export function buildTenantNamespaceObjects(
  input: TenantInput,
  target: TenantNamespace,
): KubernetesManifest[] {
  return [
    tenantServiceAccount(target),
    tenantReconcilerRoleBinding(target),
    tenantResourceQuota(input, target),
    tenantLimitRange(input, target),
    ...tenantNetworkPolicies(input, target),
    tenantGitRepository(input, target),
    tenantKustomization(input, target),
  ];
}

/**
 * Everything a tenant needs on the cluster: its namespaces first, then each namespace's
 * objects. Only namespaced RBAC is emitted; the tenant gets no cluster-wide rights.
 */
export function buildTenantManifests(input: TenantInput): KubernetesManifest[] {
  const targets = tenantNamespaces(input);
  return [
    ...targets.map(target => tenantNamespaceManifest(input, target)),
    ...targets.flatMap(target => buildTenantNamespaceObjects(input, target)),
  ];
}

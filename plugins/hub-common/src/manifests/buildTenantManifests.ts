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

/** The quota, limits and network policies of one tenant namespace, on any cluster. */
export function buildTenantGuardrails(
  input: TenantInput,
  target: TenantNamespace,
): KubernetesManifest[] {
  return [
    tenantResourceQuota(input, target),
    tenantLimitRange(input, target),
    ...tenantNetworkPolicies(input, target),
  ];
}

/** The objects that live in one tenant namespace, in apply order. */
export function buildTenantNamespaceObjects(
  input: TenantInput,
  target: TenantNamespace,
): KubernetesManifest[] {
  return [
    tenantServiceAccount(target),
    tenantReconcilerRoleBinding(target),
    ...buildTenantGuardrails(input, target),
    tenantGitRepository(input, target),
    tenantKustomization(input, target),
  ];
}

/**
 * Everything a tenant on the hub needs (a tenant on a spoke: see
 * buildSpokeTenantManifests): its namespaces first, then each namespace's
 * objects. Only namespaced RBAC is emitted; the tenant gets no cluster-wide rights.
 */
export function buildTenantManifests(input: TenantInput): KubernetesManifest[] {
  const targets = tenantNamespaces(input);
  return [
    ...targets.map(target => tenantNamespaceManifest(input, target)),
    ...targets.flatMap(target => buildTenantNamespaceObjects(input, target)),
  ];
}

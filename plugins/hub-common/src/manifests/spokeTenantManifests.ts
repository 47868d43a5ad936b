import { buildTenantGuardrails } from './buildTenantManifests';
import {
  spokeTenantRoleBinding,
  spokeTenantServiceAccount,
} from './spokeTenantAccess';
import {
  spokeTenantGitRepository,
  spokeTenantKustomization,
} from './spokeTenantSync';
import { tenantNamespaceManifest } from './tenantAccess';
import { TenantInput } from './tenantInput';
import { TenantNamespace, tenantNamespaces } from './tenantNamespaces';
import { KubernetesManifest } from './types';

/** A tenant on a spoke: its namespaces go to the spoke, its Flux objects to the hub. */
export interface SpokeTenantManifests {
  /** For the spoke (`input.cluster`), in apply order. */
  spoke: KubernetesManifest[];
  /** For the hub, in the spoke's hub namespace, in apply order. */
  hub: KubernetesManifest[];
}

/**
 * The objects of one tenant namespace on the spoke: its account (in the spoke's
 * namespace there), the RoleBinding granting that account the namespace, quota,
 * limits and network policies.
 */
export function spokeTenantNamespaceObjects(
  input: TenantInput,
  target: TenantNamespace,
): KubernetesManifest[] {
  return [
    spokeTenantServiceAccount(input, target),
    spokeTenantRoleBinding(input, target),
    ...buildTenantGuardrails(input, target),
  ];
}

/** The GitRepository and Kustomization on the hub that reconcile one tenant namespace. */
export function spokeTenantSyncObjects(
  input: TenantInput,
  target: TenantNamespace,
): KubernetesManifest[] {
  return [
    spokeTenantGitRepository(input, target),
    spokeTenantKustomization(input, target),
  ];
}

/**
 * Everything a tenant on the spoke `input.cluster` needs, split by the cluster it
 * goes to. Only namespaced RBAC is emitted; the tenant gets no cluster-wide rights.
 */
export function buildSpokeTenantManifests(
  input: TenantInput,
): SpokeTenantManifests {
  const targets = tenantNamespaces(input);
  return {
    spoke: [
      ...targets.map(target => tenantNamespaceManifest(input, target)),
      ...targets.flatMap(target => spokeTenantNamespaceObjects(input, target)),
    ],
    hub: targets.flatMap(target => spokeTenantSyncObjects(input, target)),
  };
}

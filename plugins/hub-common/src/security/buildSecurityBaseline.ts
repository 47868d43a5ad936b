import {
  buildKyvernoClusterPolicies,
  KyvernoClusterPolicyManifest,
} from './kyvernoClusterPolicies';
import { buildPlatformNetworkPolicies } from './platformNetworkPolicies';
import { buildPlatformRbac, PlatformRbacManifest } from './platformRbac';
import { buildPodSecurityNamespaces } from './podSecurityNamespaces';
import { SecurityBaselineInput } from './securityBaselineInput';
import {
  NamespaceLabelsManifest,
  PlatformNetworkPolicyManifest,
} from './types';
import {
  AdmissionPolicyManifest,
  buildValidatingAdmissionPolicies,
} from './validatingAdmissionPolicies';

export type SecurityBaselineManifest =
  | NamespaceLabelsManifest
  | PlatformRbacManifest
  | AdmissionPolicyManifest
  | KyvernoClusterPolicyManifest
  | PlatformNetworkPolicyManifest;

export interface SecurityBaselineTargets {
  /** The tenant namespaces to label and bind the reconcilers in. */
  tenantNamespaces: string[];
}

/** The admission rules for the engine the input picks. */
function admissionPolicies(
  input: SecurityBaselineInput,
): Array<AdmissionPolicyManifest | KyvernoClusterPolicyManifest> {
  return input.admissionEngine === 'Kyverno'
    ? buildKyvernoClusterPolicies(input)
    : buildValidatingAdmissionPolicies(input);
}

/**
 * Every object of the security baseline: Pod Security labels, RBAC, admission policies
 * and the platform namespaces' NetworkPolicies.
 */
export function buildSecurityBaselineManifests(
  input: SecurityBaselineInput,
  { tenantNamespaces }: SecurityBaselineTargets,
): SecurityBaselineManifest[] {
  return [
    ...buildPodSecurityNamespaces(input, tenantNamespaces),
    ...buildPlatformRbac(input, tenantNamespaces),
    ...admissionPolicies(input),
    ...buildPlatformNetworkPolicies(input),
  ];
}

import {
  AdmissionRule,
  AdmissionScope,
  admissionRules,
} from './admissionRules';
import { baselineMeta } from './baselineMeta';
import { SecurityBaselineInput } from './securityBaselineInput';
import {
  Selector,
  ValidatingAdmissionPolicyBindingManifest,
  ValidatingAdmissionPolicyManifest,
} from './types';

export type AdmissionPolicyManifest =
  | ValidatingAdmissionPolicyManifest
  | ValidatingAdmissionPolicyBindingManifest;

/** The namespaces a rule's binding selects. */
export function scopeSelector(
  scope: AdmissionScope,
  input: SecurityBaselineInput,
): Selector {
  return scope === 'tenants'
    ? { matchExpressions: [{ key: input.tenantLabel, operator: 'Exists' }] }
    : { matchLabels: { 'kubernetes.io/metadata.name': 'default' } };
}

function policy(rule: AdmissionRule): ValidatingAdmissionPolicyManifest {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: baselineMeta(rule.name),
    spec: {
      failurePolicy: 'Fail',
      matchConstraints: { resourceRules: rule.resources },
      variables: rule.variables,
      validations: rule.validations,
    },
  };
}

function binding(
  rule: AdmissionRule,
  input: SecurityBaselineInput,
): ValidatingAdmissionPolicyBindingManifest {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: baselineMeta(rule.name),
    spec: {
      policyName: rule.name,
      validationActions: ['Deny', 'Audit'],
      matchResources: { namespaceSelector: scopeSelector(rule.scope, input) },
    },
  };
}

/** Per rule a ValidatingAdmissionPolicy and its binding, which denies and audits. */
export function buildValidatingAdmissionPolicies(
  input: SecurityBaselineInput,
): AdmissionPolicyManifest[] {
  return admissionRules(input).flatMap(rule => [
    policy(rule),
    binding(rule, input),
  ]);
}

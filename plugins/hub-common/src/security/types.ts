/**
 * Typed shapes of the objects the security baseline emits, with the field names of
 * their manifests. The shared shapes in manifests/types.ts cover tenants; these add
 * group subjects, selectors with expressions, and admission policies.
 */

export interface SecurityObjectMeta {
  name: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface SecurityNamespacedMeta extends SecurityObjectMeta {
  namespace: string;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/**
 * A Namespace as the baseline applies it: only the labels it owns, so that server-side
 * apply under its own field manager leaves other owners' labels alone.
 */
export interface NamespaceLabelsManifest {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: SecurityObjectMeta;
}

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

export interface ClusterRoleManifest {
  apiVersion: 'rbac.authorization.k8s.io/v1';
  kind: 'ClusterRole';
  metadata: SecurityObjectMeta;
  rules: PolicyRule[];
}

export interface GroupSubject {
  apiGroup: 'rbac.authorization.k8s.io';
  kind: 'Group';
  name: string;
}

interface ClusterRoleRef {
  apiGroup: 'rbac.authorization.k8s.io';
  kind: 'ClusterRole';
  name: string;
}

export interface GroupClusterRoleBindingManifest {
  apiVersion: 'rbac.authorization.k8s.io/v1';
  kind: 'ClusterRoleBinding';
  metadata: SecurityObjectMeta;
  subjects: GroupSubject[];
  roleRef: ClusterRoleRef;
}

export interface GroupRoleBindingManifest {
  apiVersion: 'rbac.authorization.k8s.io/v1';
  kind: 'RoleBinding';
  metadata: SecurityNamespacedMeta;
  subjects: GroupSubject[];
  roleRef: ClusterRoleRef;
}

export interface AdmissionResourceRule {
  apiGroups: string[];
  apiVersions: string[];
  operations: Array<'CREATE' | 'UPDATE'>;
  resources: string[];
}

export interface CelVariable {
  name: string;
  expression: string;
}

export interface CelValidation {
  expression: string;
  message: string;
  messageExpression?: string;
}

export interface ValidatingAdmissionPolicyManifest {
  apiVersion: 'admissionregistration.k8s.io/v1';
  kind: 'ValidatingAdmissionPolicy';
  metadata: SecurityObjectMeta;
  spec: {
    failurePolicy: 'Fail';
    matchConstraints: { resourceRules: AdmissionResourceRule[] };
    variables: CelVariable[];
    validations: CelValidation[];
  };
}

export interface ValidatingAdmissionPolicyBindingManifest {
  apiVersion: 'admissionregistration.k8s.io/v1';
  kind: 'ValidatingAdmissionPolicyBinding';
  metadata: SecurityObjectMeta;
  spec: {
    policyName: string;
    validationActions: Array<'Deny' | 'Audit' | 'Warn'>;
    matchResources: { namespaceSelector: Selector };
  };
}

export interface NetworkPolicyPortRule {
  protocol: 'TCP' | 'UDP';
  port: number;
}

export interface NetworkPolicyPeerRule {
  podSelector?: Selector;
  namespaceSelector?: Selector;
}

export interface PlatformNetworkPolicyManifest {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'NetworkPolicy';
  metadata: SecurityNamespacedMeta;
  spec: {
    podSelector: Selector;
    policyTypes: Array<'Ingress' | 'Egress'>;
    ingress?: Array<{
      from?: NetworkPolicyPeerRule[];
      ports?: NetworkPolicyPortRule[];
    }>;
    egress?: Array<{
      to?: NetworkPolicyPeerRule[];
      ports?: NetworkPolicyPortRule[];
    }>;
  };
}

/** The fields of kube-apiserver's audit.k8s.io/v1 Policy that Hubspoke writes. */

export type AuditLevel = 'None' | 'Metadata' | 'Request' | 'RequestResponse';

export type AuditStage =
  | 'RequestReceived'
  | 'ResponseStarted'
  | 'ResponseComplete'
  | 'Panic';

export interface AuditGroupResources {
  /** The API group; `''` is the core group. */
  group: string;
  /** E.g. `pods`, `pods/log`; `*` is every resource with its subresources. */
  resources?: string[];
  resourceNames?: string[];
}

export interface AuditPolicyRule {
  level: AuditLevel;
  users?: string[];
  userGroups?: string[];
  verbs?: string[];
  resources?: AuditGroupResources[];
  /** Empty or absent: every namespace. */
  namespaces?: string[];
  nonResourceURLs?: string[];
  omitStages?: AuditStage[];
}

export interface AuditPolicy {
  apiVersion: 'audit.k8s.io/v1';
  kind: 'Policy';
  omitStages: AuditStage[];
  rules: AuditPolicyRule[];
}

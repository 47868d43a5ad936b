import { renderYamlDocument } from '../manifests/renderYaml';
import { AuditInput } from './auditInput';
import { buildAuditPolicy } from './auditPolicy';
import { kubeadmAuditPatch } from './kubeadmAudit';

/**
 * The fleet repository folder of a cluster's audit configuration. It is listed in no
 * kustomization.yaml: an audit policy is a file on the control-plane hosts, not an API
 * object, so Flux must not apply it.
 */
export function auditGitopsRoot(input: Pick<AuditInput, 'cluster'>): string {
  return `infrastructure/control-plane/${input.cluster}/audit`;
}

/** The policy and the kubeadm patch, keyed by path relative to the repository root. */
export function auditGitopsFiles(input: AuditInput): Record<string, string> {
  const root = auditGitopsRoot(input);
  return {
    [`${root}/policy.yaml`]: renderYamlDocument(buildAuditPolicy(input)),
    [`${root}/kubeadm-cluster-configuration.yaml`]: renderYamlDocument(
      kubeadmAuditPatch(input),
    ),
  };
}

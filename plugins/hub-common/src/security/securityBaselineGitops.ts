import { kustomizationFile } from '../manifests/tenantGitops';
import { renderYamlDocument } from '../manifests/renderYaml';
import {
  buildSecurityBaselineManifests,
  SecurityBaselineManifest,
} from './buildSecurityBaseline';
import { SecurityBaselineInput } from './securityBaselineInput';

/** The baseline's folder; Flux finds it under the cluster's folder without an index. */
export function securityBaselineGitopsRoot(
  input: Pick<SecurityBaselineInput, 'cluster'>,
): string {
  return `clusters/${input.cluster}/security-baseline`;
}

export interface SecurityBaselineGitopsOptions {
  /** Tenant namespaces to bind the reconciler groups in. */
  tenantNamespaces: string[];
  /**
   * Namespaces another folder of the fleet repository declares: declaring them again
   * would fail Flux's build of the cluster, so their labels are not written here.
   */
  declaredElsewhere: string[];
}

function fileName(object: SecurityBaselineManifest): string {
  const { name } = object.metadata;
  const namespace =
    'namespace' in object.metadata ? `${object.metadata.namespace}-` : '';
  return `${object.kind.toLowerCase()}-${namespace}${name}.yaml`;
}

// A namespace the baseline only labels must survive the folder's removal.
function neverPruned(
  object: SecurityBaselineManifest,
): SecurityBaselineManifest {
  if (object.kind !== 'Namespace') {
    return object;
  }
  return {
    ...object,
    metadata: {
      ...object.metadata,
      annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' },
    },
  };
}

/**
 * The baseline's fleet repository files, one per object, and their kustomization.yaml.
 * Tenant namespaces are declared by their tenant folders with their own Pod Security
 * labels, so only system and platform namespaces are declared here.
 */
export function securityBaselineGitopsFiles(
  input: SecurityBaselineInput,
  { tenantNamespaces, declaredElsewhere }: SecurityBaselineGitopsOptions,
): Record<string, string> {
  const root = securityBaselineGitopsRoot(input);
  const skipped = new Set([...tenantNamespaces, ...declaredElsewhere]);
  const objects = buildSecurityBaselineManifests(input, { tenantNamespaces })
    .filter(
      object =>
        !(object.kind === 'Namespace' && skipped.has(object.metadata.name)),
    )
    .map(neverPruned);
  const files: Record<string, string> = {};
  for (const object of objects) {
    files[`${root}/${fileName(object)}`] = renderYamlDocument(object);
  }
  files[`${root}/kustomization.yaml`] = kustomizationFile(
    objects.map(fileName),
  );
  return files;
}

import { buildTenantNamespaceObjects } from './buildTenantManifests';
import { tenantNamespaceManifest } from './tenantAccess';
import { TenantInput } from './tenantInput';
import { tenantNamespaces } from './tenantNamespaces';
import { renderYamlDocument } from './renderYaml';
import { KubernetesManifest } from './types';

const KUSTOMIZATION_FILE = 'kustomization.yaml';

function kustomizationFile(resources: string[]): string {
  return renderYamlDocument({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
  });
}

function objectFileName(object: KubernetesManifest): string {
  return `${object.kind.toLowerCase()}-${object.metadata.name}.yaml`;
}

/** The fleet repository folder that holds a tenant. */
export function tenantGitopsRoot(input: Pick<TenantInput, 'name'>): string {
  return `tenants/${input.name}`;
}

/**
 * The fleet repository files of a tenant, keyed by path relative to the repository root.
 * One file per object, so a review shows exactly which object a change touches.
 */
export function tenantGitopsFiles(input: TenantInput): Record<string, string> {
  const root = tenantGitopsRoot(input);
  const files: Record<string, string> = {};
  const folders: string[] = [];
  for (const target of tenantNamespaces(input)) {
    const objects = [
      tenantNamespaceManifest(input, target),
      ...buildTenantNamespaceObjects(input, target),
    ];
    const names = objects.map(objectFileName);
    objects.forEach((object, index) => {
      files[`${root}/${target.namespace}/${names[index]}`] =
        renderYamlDocument(object);
    });
    files[`${root}/${target.namespace}/${KUSTOMIZATION_FILE}`] =
      kustomizationFile(names);
    folders.push(target.namespace);
  }
  files[`${root}/${KUSTOMIZATION_FILE}`] = kustomizationFile(folders);
  return files;
}

/**
 * The entry to add to `resources` in `clusters/<cluster>/tenants/kustomization.yaml`,
 * relative to that file's folder.
 */
export function tenantClusterEntry(input: Pick<TenantInput, 'name'>): string {
  return `../../../${tenantGitopsRoot(input)}`;
}

import { buildTenantNamespaceObjects } from './buildTenantManifests';
import { tenantNamespaceManifest } from './tenantAccess';
import { TenantInput } from './tenantInput';
import { TenantNamespace, tenantNamespaces } from './tenantNamespaces';
import { renderYamlDocument } from './renderYaml';
import { KubernetesManifest } from './types';

const KUSTOMIZATION_FILE = 'kustomization.yaml';

/** A kustomize `kustomization.yaml` listing `resources`. */
export function kustomizationFile(resources: string[]): string {
  return renderYamlDocument({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
  });
}

/** The file an object gets in the fleet repository: `<kind>-<name>.yaml`. */
export function objectFileName(object: KubernetesManifest): string {
  return `${object.kind.toLowerCase()}-${object.metadata.name}.yaml`;
}

/** The fleet repository folder that holds a tenant. */
export function tenantGitopsRoot(input: Pick<TenantInput, 'name'>): string {
  return `tenants/${input.name}`;
}

/**
 * The tenant folder `tenants/<tenant>`: a folder per namespace with `objectsFor`'s
 * objects, one file each so a review shows exactly which object a change touches,
 * and a kustomization.yaml in every folder.
 */
export function tenantFolderFiles(
  input: TenantInput,
  objectsFor: (target: TenantNamespace) => KubernetesManifest[],
): Record<string, string> {
  const root = tenantGitopsRoot(input);
  const files: Record<string, string> = {};
  const folders: string[] = [];
  for (const target of tenantNamespaces(input)) {
    const objects = objectsFor(target);
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
 * The fleet repository files of a tenant on the hub, keyed by path relative to the
 * repository root (a tenant on a spoke: see spokeTenantGitopsFiles).
 */
export function tenantGitopsFiles(input: TenantInput): Record<string, string> {
  return tenantFolderFiles(input, target => [
    tenantNamespaceManifest(input, target),
    ...buildTenantNamespaceObjects(input, target),
  ]);
}

/**
 * The entry to add to `resources` in `clusters/<cluster>/tenants/kustomization.yaml`,
 * relative to that file's folder.
 */
export function tenantClusterEntry(input: Pick<TenantInput, 'name'>): string {
  return `../../../${tenantGitopsRoot(input)}`;
}

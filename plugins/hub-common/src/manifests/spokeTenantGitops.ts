import { SPOKE_TENANTS_DIR, spokeGitopsRoot } from './spokeGitops';
import {
  spokeTenantNamespaceObjects,
  spokeTenantSyncObjects,
} from './spokeTenantManifests';
import { tenantNamespaceManifest } from './tenantAccess';
import {
  kustomizationFile,
  objectFileName,
  tenantFolderFiles,
} from './tenantGitops';
import { TenantInput } from './tenantInput';
import { tenantNamespaces } from './tenantNamespaces';
import { renderYamlDocument } from './renderYaml';

/** The folder in the spoke's hub folder that lists its tenants' sync folders. */
export function spokeTenantsGitopsDir(
  input: Pick<TenantInput, 'cluster'>,
  hub: string,
): string {
  return `${spokeGitopsRoot(
    { name: input.cluster },
    hub,
  )}/${SPOKE_TENANTS_DIR}`;
}

/** The hub-side folder of a tenant on a spoke: its GitRepositories and Kustomizations. */
export function spokeTenantSyncRoot(
  input: Pick<TenantInput, 'name' | 'cluster'>,
  hub: string,
): string {
  return `${spokeTenantsGitopsDir(input, hub)}/${input.name}`;
}

/** The entry to add to `resources` in the spoke's `tenants/kustomization.yaml` on the hub side. */
export function spokeTenantSyncEntry(input: Pick<TenantInput, 'name'>): string {
  return input.name;
}

/**
 * The fleet repository files of a tenant on a spoke, keyed by path relative to the
 * repository root. `tenants/<tenant>/` holds what the spoke's `tenants` layer applies
 * to the spoke (listed in `clusters/<spoke>/tenants`, as for a tenant on the hub);
 * `clusters/<hub>/spokes/<spoke>/tenants/<tenant>/` holds the sync objects the hub
 * applies in the spoke's hub namespace.
 */
export function spokeTenantGitopsFiles(
  input: TenantInput,
  hub: string,
): Record<string, string> {
  const files = tenantFolderFiles(input, target => [
    tenantNamespaceManifest(input, target),
    ...spokeTenantNamespaceObjects(input, target),
  ]);
  const root = spokeTenantSyncRoot(input, hub);
  const objects = tenantNamespaces(input).flatMap(target =>
    spokeTenantSyncObjects(input, target),
  );
  const names = objects.map(objectFileName);
  objects.forEach((object, index) => {
    files[`${root}/${names[index]}`] = renderYamlDocument(object);
  });
  files[`${root}/kustomization.yaml`] = kustomizationFile(names);
  return files;
}

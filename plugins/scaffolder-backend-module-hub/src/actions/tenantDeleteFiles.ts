import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  spokeTenantsGitopsDir,
  spokeTenantSyncEntry,
  spokeTenantSyncRoot,
  tenantClusterEntry,
  tenantGitopsRoot,
} from '@hubspoke/backstage-plugin-hub-common';
import { promises as fs } from 'node:fs';
import { updateKustomizationResources } from '../gitops/kustomizationResources';

export interface TenantFilesLocation {
  workspacePath: string;
  gitopsDir: string;
  tenant: string;
  cluster: string;
  /** Set for a tenant on a spoke: the hub that holds its sync objects. */
  hub?: string;
}

/** A folder hub:tenant:create wrote and the kustomization.yaml folder that lists it. */
interface TenantFolder {
  folder: string;
  indexDir: string;
  entry: string;
}

function tenantFolders({
  gitopsDir,
  tenant,
  cluster,
  hub,
}: TenantFilesLocation): TenantFolder[] {
  const folders = [
    {
      folder: `${gitopsDir}/${tenantGitopsRoot({ name: tenant })}`,
      indexDir: `${gitopsDir}/clusters/${cluster}/tenants`,
      entry: tenantClusterEntry({ name: tenant }),
    },
  ];
  if (hub) {
    const input = { name: tenant, cluster };
    folders.push({
      folder: `${gitopsDir}/${spokeTenantSyncRoot(input, hub)}`,
      indexDir: `${gitopsDir}/${spokeTenantsGitopsDir(input, hub)}`,
      entry: spokeTenantSyncEntry(input),
    });
  }
  return folders;
}

async function exists(workspacePath: string, path: string): Promise<boolean> {
  return fs.stat(resolveSafeChildPath(workspacePath, path)).then(
    () => true,
    () => false,
  );
}

/**
 * Removes the folders hub:tenant:create wrote for the tenant and their entries in the
 * cluster's tenant lists; returns the paths removed or changed (to be, in a dry run).
 */
export async function removeTenantFiles(
  location: TenantFilesLocation,
  dryRun: boolean,
): Promise<string[]> {
  const { workspacePath, tenant } = location;
  const folders = tenantFolders(location);
  for (const { folder } of folders) {
    if (!(await exists(workspacePath, folder))) {
      throw new InputError(
        `name: tenant "${tenant}" has no folder ${folder} in the fleet repository`,
      );
    }
  }
  const removed: string[] = [];
  for (const { folder, indexDir, entry } of folders) {
    if (dryRun) {
      removed.push(folder, `${indexDir}/kustomization.yaml`);
      continue;
    }
    await fs.rm(resolveSafeChildPath(workspacePath, folder), {
      recursive: true,
    });
    const index = await updateKustomizationResources(workspacePath, indexDir, {
      remove: entry,
    });
    removed.push(folder, index);
  }
  return removed;
}

import {
  buildSpokeTenantManifests,
  spokeGitopsRoot,
  spokeTenantGitopsFiles,
  spokeTenantsGitopsDir,
  spokeTenantSyncEntry,
  SPOKE_TENANTS_DIR,
  tenantClusterEntry,
  TenantInput,
  tenantNamespaces,
} from '@hubspoke/backstage-plugin-hub-common';
import { KubernetesObject } from '@kubernetes/client-node';
import { ConflictError } from '@backstage/errors';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { promises as fs } from 'node:fs';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { ApplyContext } from '../delivery/applyManifests';
import {
  AppliedToClusters,
  applyToClusters,
} from '../delivery/applyToClusters';
import {
  assertSpokeRegistered,
  assertTenantOwnsNamespaces,
  assertTenantOwnsObjects,
} from '../delivery/ownership';
import { connectHub } from '../delivery/resolveHub';
import {
  GitopsContext,
  GitopsIndex,
  writeGitopsFiles,
} from '../delivery/writeGitopsFiles';

export interface SpokeTenantDelivery {
  tenant: TenantInput;
  hub: string;
  dryRun: boolean;
}

/**
 * Apply mode for a tenant on a spoke: the namespaces and everything in them to the
 * spoke first, so the tenant's account is bound before the hub's Kustomization
 * impersonates it, then the GitRepository and Kustomization to the hub, in the
 * spoke's hub namespace.
 */
export async function applySpokeTenant(
  ctx: ApplyContext,
  clusters: ClusterConnector,
  { tenant, hub, dryRun, force }: SpokeTenantDelivery & { force: boolean },
): Promise<AppliedToClusters> {
  const spokeCluster = await clusters.connect(tenant.cluster);
  const hubCluster = await connectHub(clusters, hub);
  const manifests = buildSpokeTenantManifests(tenant);
  const namespaces = tenantNamespaces(tenant).map(t => t.namespace);
  await assertSpokeRegistered(hubCluster.kubeConfig, hub, tenant.cluster);
  await assertTenantOwnsNamespaces(
    spokeCluster.kubeConfig,
    tenant.cluster,
    tenant,
    namespaces,
  );
  await assertTenantOwnsObjects(
    hubCluster.kubeConfig,
    hub,
    tenant,
    manifests.hub as KubernetesObject[],
  );
  return applyToClusters(
    ctx,
    [
      {
        cluster: tenant.cluster,
        kubeConfig: spokeCluster.kubeConfig,
        manifests: manifests.spoke as KubernetesObject[],
        checkpointKey: `hub.tenant.create.${tenant.cluster}.${tenant.name}`,
      },
      {
        cluster: hub,
        kubeConfig: hubCluster.kubeConfig,
        manifests: manifests.hub as KubernetesObject[],
        checkpointKey: `hub.tenant.create.${hub}.${tenant.cluster}.${tenant.name}`,
      },
    ],
    { dryRun, force },
  );
}

/**
 * The kustomization.yaml files a tenant on a spoke is listed in: the spoke's tenant
 * list (applied to the spoke by its `tenants` layer), and on the hub side the spoke's
 * tenant list and the spoke folder's entry for it.
 */
export function spokeTenantIndexes(
  tenant: TenantInput,
  hub: string,
): GitopsIndex[] {
  return [
    {
      dir: `clusters/${tenant.cluster}/tenants`,
      entry: tenantClusterEntry(tenant),
    },
    {
      dir: spokeTenantsGitopsDir(tenant, hub),
      entry: spokeTenantSyncEntry(tenant),
    },
    {
      dir: spokeGitopsRoot({ name: tenant.cluster }, hub),
      entry: SPOKE_TENANTS_DIR,
    },
  ];
}

/** Gitops mode for a tenant on a spoke: see spokeTenantGitopsFiles for the layout. */
export async function writeSpokeTenant(
  ctx: GitopsContext,
  {
    tenant,
    hub,
    dryRun,
    gitopsDir,
  }: SpokeTenantDelivery & { gitopsDir: string },
): Promise<void> {
  const files = spokeTenantGitopsFiles(tenant, hub);
  await assertNoSpokeObjectNamed(ctx.workspacePath, gitopsDir, tenant, hub);
  await writeGitopsFiles(ctx, {
    gitopsDir,
    files,
    index: spokeTenantIndexes(tenant, hub),
    dryRun,
  });
}

/**
 * The tenant's sync objects share the spoke's hub namespace with the spoke's own
 * GitRepository and layer Kustomizations; kustomize would refuse two objects of one
 * name, so a clash is reported here, naming the file.
 */
async function assertNoSpokeObjectNamed(
  workspacePath: string,
  gitopsDir: string,
  tenant: TenantInput,
  hub: string,
) {
  const root = `${gitopsDir}/${spokeGitopsRoot({ name: tenant.cluster }, hub)}`;
  for (const { namespace } of tenantNamespaces(tenant)) {
    for (const kind of ['gitrepository', 'kustomization']) {
      const file = `${root}/${kind}-${namespace}.yaml`;
      const exists = await fs
        .stat(resolveSafeChildPath(workspacePath, file))
        .then(
          () => true,
          () => false,
        );
      if (exists) {
        throw new ConflictError(
          `name: the spoke "${tenant.cluster}" already has ${file}, and the tenant's objects in its hub namespace would be named "${namespace}" too; choose another tenant name`,
        );
      }
    }
  }
}

import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  dns1123LabelProblem,
  tenantClusterEntry,
  tenantGitopsRoot,
} from '@hubspoke/backstage-plugin-hub-common';
import {
  createApplyEngine,
  DeleteReport,
} from '@hubspoke/backstage-plugin-hub-node';
import { CoreV1Api, KubernetesObject } from '@kubernetes/client-node';
import { promises as fs } from 'node:fs';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { updateKustomizationResources } from '../gitops/kustomizationResources';
import { deliveryFields } from './tenantInputFields';

export interface TenantDeleteActionOptions {
  clusters: ClusterConnector;
}

/**
 * `hub:tenant:delete`: removes what `hub:tenant:create` made. On a cluster that is
 * the tenant's namespaces, found by the labels create put on them; in a fleet
 * repository it is the tenant's folder and its entry in the cluster's tenant list.
 */
export function createTenantDeleteAction({
  clusters,
}: TenantDeleteActionOptions) {
  return createTemplateAction({
    id: 'hub:tenant:delete',
    description:
      'Offboards a tenant: deletes the namespaces hub:tenant:create made, or removes the tenant from the fleet repository',
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string({ description: 'Tenant name' }),
        confirmName: z =>
          z.string({
            description: 'The tenant name once more, to confirm the deletion',
          }),
        cluster: z =>
          z
            .string({
              description: 'Cluster the tenant lives on (default: the hub)',
            })
            .optional(),
        mode: deliveryFields.mode,
        dryRun: deliveryFields.dryRun,
        gitopsDir: deliveryFields.gitopsDir,
      },
      output: {
        summary: z => z.string({ description: 'What was removed' }),
        removed: z =>
          z.array(z.string(), { description: 'Namespaces or files removed' }),
      },
    },
    async handler(ctx) {
      const {
        name,
        confirmName,
        mode = 'gitops',
        dryRun = false,
        gitopsDir = '.',
      } = ctx.input;
      const cluster = ctx.input.cluster ?? clusters.defaultClusterName() ?? '';
      assertDeletable(name, confirmName);
      const isDryRun = ctx.isDryRun || dryRun;

      if (mode === 'gitops') {
        const removed = await removeTenantFiles(
          ctx.workspacePath,
          gitopsDir,
          name,
          cluster,
          isDryRun,
        );
        ctx.output('removed', removed);
        ctx.output(
          'summary',
          `${removed.length} paths ${
            isDryRun ? 'to remove (dry run)' : 'removed'
          }`,
        );
        return;
      }

      const connected = await clusters.connect(cluster);
      const namespaces = await tenantNamespaceObjects(
        connected.kubeConfig.makeApiClient(CoreV1Api),
        name,
      );
      const report: DeleteReport = await createApplyEngine({
        kubeConfig: connected.kubeConfig,
        logger: ctx.logger,
      }).delete(namespaces, { dryRun: isDryRun });
      const removed = report.objects
        .filter(o => o.action === 'deleted')
        .map(o => o.name);
      removed.forEach(namespace =>
        ctx.logger.info(
          `${isDryRun ? 'would delete' : 'deleted'} Namespace ${namespace}`,
        ),
      );
      ctx.output('removed', removed);
      ctx.output(
        'summary',
        `${removed.length} namespaces ${
          isDryRun ? 'to delete (dry run)' : 'deleted'
        }`,
      );
    },
  });
}

function assertDeletable(name: string, confirmName: string) {
  const problem = dns1123LabelProblem(name);
  if (problem) {
    throw new InputError(`name: ${problem}`);
  }
  if (confirmName !== name) {
    throw new InputError(
      `confirmName: must repeat the tenant name "${name}" exactly`,
    );
  }
}

/** Only namespaces Hubspoke made for this tenant; a tenant's own namespaces stay. */
async function tenantNamespaceObjects(
  core: CoreV1Api,
  tenant: string,
): Promise<KubernetesObject[]> {
  const list = await core.listNamespace({
    labelSelector: `hubspoke.io/tenant=${tenant},app.kubernetes.io/managed-by=hubspoke`,
  });
  return list.items.map(namespace => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: namespace.metadata!.name },
  }));
}

async function removeTenantFiles(
  workspacePath: string,
  gitopsDir: string,
  tenant: string,
  cluster: string,
  dryRun: boolean,
): Promise<string[]> {
  const folder = `${gitopsDir}/${tenantGitopsRoot({ name: tenant })}`;
  const clusterTenants = `${gitopsDir}/clusters/${cluster}/tenants`;
  const exists = await fs
    .stat(resolveSafeChildPath(workspacePath, folder))
    .then(
      () => true,
      () => false,
    );
  if (!exists) {
    throw new InputError(
      `name: tenant "${tenant}" has no folder ${folder} in the fleet repository`,
    );
  }
  if (dryRun) {
    return [folder, `${clusterTenants}/kustomization.yaml`];
  }
  await fs.rm(resolveSafeChildPath(workspacePath, folder), { recursive: true });
  const index = await updateKustomizationResources(
    workspacePath,
    clusterTenants,
    {
      remove: tenantClusterEntry({ name: tenant }),
    },
  );
  return [folder, index];
}

import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  buildTenantManifests,
  parseTenantInput,
  tenantClusterEntry,
  tenantGitopsFiles,
  tenantNamespaces,
  TenantInput,
} from '@hubspoke/backstage-plugin-hub-common';
import {
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
} from '@kubernetes/client-node';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { applyManifests } from '../delivery/applyManifests';
import { writeGitopsFiles } from '../delivery/writeGitopsFiles';
import { examples } from './tenantCreate.examples';
import { deliveryOutputs, withoutUndefined } from './deliveryOutputs';
import { deliveryFields, tenantInputFields } from './tenantInputFields';

export interface TenantCreateActionOptions {
  clusters: ClusterConnector;
}

/** `hub:tenant:create`: onboards a tenant onto the hub or a spoke. */
export function createTenantCreateAction({
  clusters,
}: TenantCreateActionOptions) {
  return createTemplateAction({
    id: 'hub:tenant:create',
    description:
      'Onboards a tenant: namespaces with Pod Security labels, a Flux service account bound to admin in its namespaces only, quota and limits, default-deny network policies, and the GitRepository and Kustomization that reconcile it',
    examples,
    supportsDryRun: true,
    schema: {
      input: { ...tenantInputFields, ...deliveryFields },
      output: {
        namespaces: z =>
          z.array(z.string(), { description: 'The tenant namespaces' }),
        ...deliveryOutputs,
      },
    },
    async handler(ctx) {
      const {
        mode = 'gitops',
        dryRun = false,
        force = false,
        gitopsDir = '.',
        ...fields
      } = ctx.input;
      const tenant = parseTenantInput(
        withoutUndefined({
          ...fields,
          networkExposure: fields.networkExposure ?? 'none',
          cluster: fields.cluster ?? clusters.defaultClusterName(),
        }),
      );
      const namespaces = tenantNamespaces(tenant).map(t => t.namespace);
      ctx.output('namespaces', namespaces);

      if (mode === 'gitops') {
        await writeGitopsFiles(ctx, {
          gitopsDir,
          files: tenantGitopsFiles(tenant),
          index: {
            dir: `clusters/${tenant.cluster}/tenants`,
            entry: tenantClusterEntry(tenant),
          },
          dryRun: ctx.isDryRun || dryRun,
        });
        return;
      }

      const cluster = await clusters.connect(tenant.cluster);
      await assertTenantOwnsNamespaces(cluster.kubeConfig, tenant, namespaces);
      const applied = await applyManifests(
        ctx,
        cluster.kubeConfig,
        buildTenantManifests(tenant) as KubernetesObject[],
        {
          dryRun: ctx.isDryRun || dryRun,
          force,
          checkpointKey: `hub.tenant.create.${tenant.cluster}.${tenant.name}`,
        },
      );
      ctx.output('objects', applied.objects);
      ctx.output('summary', applied.summary);
    },
  });
}

/** A namespace that exists for another tenant or owner is not taken over. */
async function assertTenantOwnsNamespaces(
  kubeConfig: KubeConfig,
  tenant: TenantInput,
  namespaces: string[],
) {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  for (const name of namespaces) {
    const existing = await core.readNamespace({ name }).catch(error => {
      if ((error as { code?: number }).code === 404) return undefined;
      throw error;
    });
    const labels = existing?.metadata?.labels ?? {};
    if (
      existing &&
      (labels['hubspoke.io/tenant'] !== tenant.name ||
        labels['hubspoke.io/owner'] !== tenant.ownerGroup)
    ) {
      const holder = labels['hubspoke.io/tenant']
        ? `tenant "${labels['hubspoke.io/tenant']}" of ${
            labels['hubspoke.io/owner'] ?? 'an unknown owner'
          }`
        : 'something other than Hubspoke';
      throw new ConflictError(
        `name: namespace "${name}" on cluster "${tenant.cluster}" already exists and belongs to ${holder}; choose another tenant name`,
      );
    }
  }
}

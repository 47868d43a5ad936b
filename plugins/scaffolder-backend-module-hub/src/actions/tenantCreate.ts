import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  buildTenantManifests,
  parseTenantInput,
  tenantClusterEntry,
  tenantGitopsFiles,
  tenantNamespaces,
  TenantInput,
} from '@hubspoke/backstage-plugin-hub-common';
import { KubernetesObject } from '@kubernetes/client-node';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { ApplyContext, applyManifests } from '../delivery/applyManifests';
import { assertTenantOwnsNamespaces } from '../delivery/ownership';
import { hubNameFor, hubOfSpokeTenant } from '../delivery/resolveHub';
import { writeGitopsFiles } from '../delivery/writeGitopsFiles';
import { examples } from './tenantCreate.examples';
import { applySpokeTenant, writeSpokeTenant } from './tenantCreateOnSpoke';
import { deliveryOptions } from './deliveryOptions';
import { deliveryOutputs, withoutUndefined } from './deliveryOutputs';
import {
  deliveryFields,
  hubClusterField,
  tenantInputFields,
} from './tenantInputFields';

export interface TenantCreateActionOptions {
  clusters: ClusterConnector;
}

/**
 * `hub:tenant:create`: onboards a tenant onto the hub or a spoke. On a spoke the
 * namespaces go to the spoke and the Flux objects that reconcile them to the hub.
 */
export function createTenantCreateAction({
  clusters,
}: TenantCreateActionOptions) {
  return createTemplateAction({
    id: 'hub:tenant:create',
    description:
      "Onboards a tenant: namespaces with Pod Security labels, a Flux service account bound to admin in its namespaces only, quota and limits, default-deny network policies, and the GitRepository and Kustomization that reconcile it (for a tenant on a spoke: on the hub, in the spoke's namespace, applying into the spoke)",
    examples,
    supportsDryRun: true,
    schema: {
      input: { ...tenantInputFields, ...hubClusterField, ...deliveryFields },
      output: {
        namespaces: z =>
          z.array(z.string(), { description: 'The tenant namespaces' }),
        ...deliveryOutputs,
      },
    },
    async handler(ctx) {
      const {
        mode,
        dryRun,
        force,
        gitopsDir,
        fields: { hubCluster, ...fields },
      } = deliveryOptions(ctx.input, ctx.isDryRun, { defaultMode: 'gitops' });
      const hubName = hubNameFor(clusters, hubCluster);
      const tenant = parseTenantInput(
        withoutUndefined({
          ...fields,
          networkExposure: fields.networkExposure ?? 'none',
          cluster: fields.cluster ?? hubName,
        }),
      );
      const hub =
        fields.cluster === undefined
          ? undefined
          : hubOfSpokeTenant(hubName, tenant.cluster);
      ctx.output(
        'namespaces',
        tenantNamespaces(tenant).map(t => t.namespace),
      );

      if (hub && mode === 'gitops') {
        await writeSpokeTenant(ctx, {
          tenant,
          hub,
          gitopsDir,
          dryRun,
        });
        return;
      }
      if (hub) {
        const applied = await applySpokeTenant(ctx, clusters, {
          tenant,
          hub,
          dryRun,
          force,
        });
        ctx.output('objects', applied.objects);
        ctx.output('summary', applied.summary);
        return;
      }
      if (mode === 'gitops') {
        await writeGitopsFiles(ctx, {
          gitopsDir,
          files: tenantGitopsFiles(tenant),
          index: {
            dir: `clusters/${tenant.cluster}/tenants`,
            entry: tenantClusterEntry(tenant),
          },
          dryRun,
        });
        return;
      }
      const applied = await applyHubTenant(ctx, clusters, tenant, {
        dryRun,
        force,
      });
      ctx.output('objects', applied.objects);
      ctx.output('summary', applied.summary);
    },
  });
}

/** Apply mode for a tenant on the hub: everything on one cluster. */
async function applyHubTenant(
  ctx: ApplyContext,
  clusters: ClusterConnector,
  tenant: TenantInput,
  options: { dryRun: boolean; force: boolean },
) {
  const cluster = await clusters.connect(tenant.cluster);
  await assertTenantOwnsNamespaces(
    cluster.kubeConfig,
    tenant.cluster,
    tenant,
    tenantNamespaces(tenant).map(t => t.namespace),
  );
  return applyManifests(
    ctx,
    cluster.kubeConfig,
    buildTenantManifests(tenant) as KubernetesObject[],
    {
      ...options,
      checkpointKey: `hub.tenant.create.${tenant.cluster}.${tenant.name}`,
    },
  );
}

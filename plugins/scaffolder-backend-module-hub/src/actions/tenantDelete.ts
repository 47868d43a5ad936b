import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { dns1123LabelProblem } from '@hubspoke/backstage-plugin-hub-common';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterConnector } from '../clusters/ClusterConnector';
import {
  connectHub,
  hubNameFor,
  hubOfSpokeTenant,
} from '../delivery/resolveHub';
import { removeTenantFiles } from './tenantDeleteFiles';
import {
  deleteFound,
  tenantNamespaceObjects,
  tenantSpokeAccounts,
  tenantSyncObjects,
} from './tenantDeleteObjects';
import { deliveryOptions } from './deliveryOptions';
import { deliveryFields, hubClusterField } from './tenantInputFields';

export interface TenantDeleteActionOptions {
  clusters: ClusterConnector;
}

interface Removal {
  /** Namespaces (apply mode) or paths (gitops mode). */
  removed: string[];
  objects?: {
    cluster: string;
    kind: string;
    namespace?: string;
    name: string;
  }[];
  summary: string;
}

/**
 * `hub:tenant:delete`: removes what `hub:tenant:create` made. On a cluster that is
 * the tenant's namespaces, found by the labels create put on them, and for a tenant on
 * a spoke also its accounts there and its Flux objects on the hub; in a fleet
 * repository it is the tenant's folders and their entries in the tenant lists.
 */
export function createTenantDeleteAction({
  clusters,
}: TenantDeleteActionOptions) {
  return createTemplateAction({
    id: 'hub:tenant:delete',
    description:
      'Offboards a tenant: deletes the namespaces hub:tenant:create made (for a tenant on a spoke also its accounts there and its Flux objects on the hub), or removes the tenant from the fleet repository',
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
        ...hubClusterField,
        mode: deliveryFields.mode,
        dryRun: deliveryFields.dryRun,
        gitopsDir: deliveryFields.gitopsDir,
      },
      output: {
        summary: z => z.string({ description: 'What was removed' }),
        removed: z =>
          z.array(z.string(), { description: 'Namespaces or files removed' }),
        objects: z =>
          z
            .array(
              z.object({
                cluster: z.string(),
                kind: z.string(),
                namespace: z.string().optional(),
                name: z.string(),
              }),
              { description: 'Every object deleted, by cluster (apply mode)' },
            )
            .optional(),
      },
    },
    async handler(ctx) {
      const { name, confirmName } = ctx.input;
      const { mode, dryRun, gitopsDir } = deliveryOptions(
        ctx.input,
        ctx.isDryRun,
        { defaultMode: 'gitops' },
      );
      assertDeletable(name, confirmName, ctx.input.cluster);
      const hubName = hubNameFor(clusters, ctx.input.hubCluster);
      const cluster = ctx.input.cluster ?? hubName ?? 'hub';
      const hub =
        ctx.input.cluster === undefined
          ? undefined
          : hubOfSpokeTenant(hubName, cluster);

      const removal =
        mode === 'gitops'
          ? await removeFromRepository(
              {
                workspacePath: ctx.workspacePath,
                gitopsDir,
                tenant: name,
                cluster,
                hub,
              },
              dryRun,
            )
          : await removeFromClusters(clusters, ctx.logger, {
              tenant: name,
              cluster,
              hub,
              dryRun,
            });
      ctx.output('removed', removal.removed);
      if (removal.objects) {
        ctx.output('objects', removal.objects);
      }
      ctx.output('summary', removal.summary);
    },
  });
}

function assertDeletable(
  name: string,
  confirmName: string,
  cluster: string | undefined,
) {
  const problem = dns1123LabelProblem(name);
  if (problem) {
    throw new InputError(`name: ${problem}`);
  }
  if (confirmName !== name) {
    throw new InputError(
      `confirmName: must repeat the tenant name "${name}" exactly`,
    );
  }
  const clusterProblem =
    cluster === undefined ? undefined : dns1123LabelProblem(cluster);
  if (clusterProblem) {
    throw new InputError(`cluster: ${clusterProblem}`);
  }
}

async function removeFromRepository(
  location: Parameters<typeof removeTenantFiles>[0],
  dryRun: boolean,
): Promise<Removal> {
  const removed = await removeTenantFiles(location, dryRun);
  return {
    removed,
    summary: `${removed.length} paths ${
      dryRun ? 'to remove (dry run)' : 'removed'
    }`,
  };
}

/**
 * On a spoke the hub's Kustomizations go first, so nothing reconciles into the
 * namespaces while they are deleted; then the namespaces and the tenant's accounts.
 */
async function removeFromClusters(
  clusters: ClusterConnector,
  logger: LoggerService,
  options: { tenant: string; cluster: string; hub?: string; dryRun: boolean },
): Promise<Removal> {
  const { tenant, cluster, hub, dryRun } = options;
  const target = await clusters.connect(cluster);
  const deleted: Removal['objects'] = [];
  if (hub) {
    const hubCluster = await connectHub(clusters, hub);
    const sync = await tenantSyncObjects(
      hubCluster.kubeConfig,
      tenant,
      cluster,
    );
    const gone = await deleteFound(hubCluster.kubeConfig, logger, sync, dryRun);
    deleted.push(...gone.map(o => ({ cluster: hub, ...o })));
  }
  const onTarget = [
    ...(await tenantNamespaceObjects(target.kubeConfig, tenant)),
    ...(hub
      ? await tenantSpokeAccounts(target.kubeConfig, tenant, cluster)
      : []),
  ];
  const gone = await deleteFound(target.kubeConfig, logger, onTarget, dryRun);
  deleted.push(...gone.map(o => ({ cluster, ...o })));

  const verb = dryRun ? 'would delete' : 'deleted';
  deleted.forEach(o =>
    logger.info(
      `${verb} ${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name} on ${
        o.cluster
      }`,
    ),
  );
  const namespaces = deleted
    .filter(o => o.kind === 'Namespace')
    .map(o => o.name);
  const others = deleted.length - namespaces.length;
  return {
    removed: namespaces,
    objects: deleted.map(({ cluster: c, kind, namespace, name }) => ({
      cluster: c,
      kind,
      ...(namespace && { namespace }),
      name,
    })),
    summary: `${namespaces.length} namespaces${
      others ? ` and ${others} other objects` : ''
    } ${dryRun ? 'to delete (dry run)' : 'deleted'}`,
  };
}

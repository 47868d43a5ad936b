import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  FLUX_COMPONENTS,
  FLUX_VERSIONS,
  fluxSyncSecret,
  parseFluxInstallInput,
} from '@hubspoke/backstage-plugin-hub-common';
import {
  buildFluxInstallManifests,
  fluxInstallGitopsFiles,
} from '@hubspoke/backstage-plugin-hub-node';
import { KubernetesObject } from '@kubernetes/client-node';
import type { z as zodV3 } from 'zod/v3';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { applyManifests } from '../delivery/applyManifests';
import { writeGitopsFiles } from '../delivery/writeGitopsFiles';
import { deliveryOutputs, withoutUndefined } from './deliveryOutputs';
import { examples } from './fluxInstall.examples';
import { syncCredentialsFromSecrets } from './fluxSyncCredentials';
import { deliveryOptions } from './deliveryOptions';
import { deliveryFields } from './tenantInputFields';

export interface FluxInstallActionOptions {
  clusters: ClusterConnector;
}

/** The fields as the scaffolder shows them; parseFluxInstallInput holds the rules. */
const fluxInstallFields = {
  cluster: (zod: typeof zodV3) =>
    zod
      .string({
        description:
          'Cluster to install on (default: the hub); also names the fleet folder clusters/<cluster>',
      })
      .optional(),
  version: (zod: typeof zodV3) =>
    zod
      .enum(FLUX_VERSIONS, { description: 'Flux release to install' })
      .optional(),
  components: (zod: typeof zodV3) =>
    zod
      .array(zod.enum(FLUX_COMPONENTS), {
        description:
          'Controllers to install (default all four); source-controller and kustomize-controller are required',
      })
      .optional(),
  namespace: (zod: typeof zodV3) =>
    zod
      .string({
        description: 'Namespace of the controllers (default flux-system)',
      })
      .optional(),
  registry: (zod: typeof zodV3) =>
    zod
      .string({
        description: 'Registry the images come from (default ghcr.io/fluxcd)',
      })
      .optional(),
  imagePullSecret: (zod: typeof zodV3) =>
    zod
      .string({ description: 'Secret in the namespace for pulling the images' })
      .optional(),
  clusterDomain: (zod: typeof zodV3) =>
    zod
      .string({ description: 'Cluster DNS domain (default cluster.local)' })
      .optional(),
  logLevel: (zod: typeof zodV3) =>
    zod
      .enum(['debug', 'info', 'error'], {
        description: 'Log level of the controllers',
      })
      .optional(),
  watchAllNamespaces: (zod: typeof zodV3) =>
    zod
      .boolean({
        description: 'Reconcile objects in every namespace (default true)',
      })
      .optional(),
  networkPolicy: (zod: typeof zodV3) =>
    zod
      .boolean({
        description:
          "Flux's network policies in its namespace: egress allowed, ingress only from Flux, scraping and webhooks (default true)",
      })
      .optional(),
  tolerationKeys: (zod: typeof zodV3) =>
    zod
      .array(zod.string(), {
        description: 'Taint keys the controllers tolerate',
      })
      .optional(),
  multiTenancy: (zod: typeof zodV3) =>
    zod
      .boolean({
        description:
          'Lock Flux down for tenants: no cross-namespace references, no remote bases, a default service account (default true)',
      })
      .optional(),
  defaultServiceAccount: (zod: typeof zodV3) =>
    zod
      .string({
        description:
          'Service account Kustomizations and HelmReleases run as when they name none (default default)',
      })
      .optional(),
  sync: (zod: typeof zodV3) =>
    zod
      .object(
        {
          kind: zod.enum(['GitRepository', 'OCIRepository']).optional(),
          url: zod.string({
            description:
              'Fleet repository: http(s):// or ssh:// Git URL, or oci:// artifact',
          }),
          branch: zod.string().optional(),
          tag: zod.string().optional(),
          semver: zod.string().optional(),
          digest: zod.string().optional(),
          path: zod
            .string({
              description: 'Folder Flux applies (default ./clusters/<cluster>)',
            })
            .optional(),
          interval: zod.string().optional(),
        },
        {
          description:
            'Where Flux takes the cluster from; credentials come from the task secrets gitUsername/gitPassword, gitSshKey/gitKnownHosts or registryUsername/registryPassword',
        },
      )
      .optional(),
};

/** `hub:flux:install`: installs Flux v2 from the release manifests of its Go modules, without the flux CLI. */
export function createFluxInstallAction({
  clusters,
}: FluxInstallActionOptions) {
  return createTemplateAction({
    id: 'hub:flux:install',
    description:
      "Installs Flux v2 as `flux install` builds it from the controllers' release manifests (CRDs, Deployments, RBAC, network policies), with the multi-tenancy lockdown, and the source and Kustomization that make Flux manage the cluster from the fleet repository",
    examples,
    supportsDryRun: true,
    schema: {
      input: { ...fluxInstallFields, ...deliveryFields },
      output: {
        namespace: z =>
          z.string({ description: 'Namespace of the controllers' }),
        version: z => z.string({ description: 'The Flux release installed' }),
        ...deliveryOutputs,
      },
    },
    async handler(ctx) {
      const { mode, dryRun, force, gitopsDir, fields } = deliveryOptions(
        ctx.input,
        ctx.isDryRun,
        { defaultMode: 'apply' },
      );
      const input = parseFluxInstallInput(
        withoutUndefined({
          ...fields,
          cluster: fields.cluster ?? clusters.defaultClusterName(),
        }),
      );
      const credentials =
        input.sync &&
        syncCredentialsFromSecrets(ctx.secrets, input.sync, {
          sshKeyRequired: mode === 'apply',
        });
      // Flux cannot clone over ssh anonymously: the source names a Secret in any case.
      const referencesSecret =
        Boolean(credentials) || Boolean(input.sync?.url.startsWith('ssh://'));
      ctx.output('namespace', input.namespace);
      ctx.output('version', input.version);

      if (mode === 'gitops') {
        await writeGitopsFiles(ctx, {
          gitopsDir,
          files: fluxInstallGitopsFiles(input, { referencesSecret }),
          dryRun,
        });
        if (referencesSecret && !credentials) {
          ctx.logger.warn(
            `the sync source reads the Secret ${input.namespace}/${input.namespace} (identity and known_hosts); create it on cluster ${input.cluster} out of band, or run again with the task secrets gitSshKey and gitKnownHosts`,
          );
        }
        if (input.sync && credentials) {
          ctx.logger.info(
            `the Secret ${input.namespace}/${input.namespace} with the sync credentials is not written to git; applying it to cluster ${input.cluster}`,
          );
          const cluster = await clusters.connect(input.cluster);
          await applyManifests(
            ctx,
            cluster.kubeConfig,
            [
              fluxSyncSecret(
                input,
                input.sync,
                credentials,
              ) as KubernetesObject,
            ],
            {
              dryRun,
              force,
              checkpointKey: `hub.flux.install.secret.${input.cluster}`,
            },
          );
        }
        return;
      }

      const cluster = await clusters.connect(input.cluster);
      const applied = await applyManifests(
        ctx,
        cluster.kubeConfig,
        buildFluxInstallManifests(input, { credentials }) as KubernetesObject[],
        {
          dryRun,
          force,
          checkpointKey: `hub.flux.install.${input.cluster}.${input.namespace}`,
        },
      );
      ctx.output('objects', applied.objects);
      ctx.output('summary', applied.summary);
    },
  });
}

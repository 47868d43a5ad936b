import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  buildGitopsSourceManifests,
  GitopsSourceCredentials,
  gitopsSourceClusterEntry,
  gitopsSourceFiles,
  gitopsSourceSecretName,
  parseGitopsSourceInput,
} from '@hubspoke/backstage-plugin-hub-common';
import { KubernetesObject } from '@kubernetes/client-node';
import { z as zodV3 } from 'zod/v3';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { applyManifests } from '../delivery/applyManifests';
import { writeGitopsFiles } from '../delivery/writeGitopsFiles';
import { examples } from './gitopsSource.examples';
import { deliveryOutputs, withoutUndefined } from './deliveryOutputs';
import { deliveryOptions } from './deliveryOptions';
import { deliveryFields } from './tenantInputFields';

export interface GitopsSourceActionOptions {
  clusters: ClusterConnector;
}

type Zod = typeof zodV3;

const optionalString = (zod: Zod, description: string) =>
  zod.string({ description }).optional();

/**
 * The fields as the scaffolder shows them. The rules live in hub-common's
 * parseGitopsSourceInput, which the action runs before anything else.
 */
const gitopsSourceFields = {
  name: (zod: Zod) =>
    zod.string({
      description:
        'Name of the GitRepository and the Kustomization: a DNS-1123 label',
    }),
  namespace: (zod: Zod) =>
    optionalString(zod, 'Namespace of the objects (default flux-system)'),
  url: (zod: Zod) =>
    zod.string({
      description: 'URL of the Git repository (http(s):// or ssh://)',
    }),
  branch: (zod: Zod) =>
    optionalString(
      zod,
      'Branch to follow (default main); give only one of branch, tag, semver',
    ),
  tag: (zod: Zod) => optionalString(zod, 'Tag to follow'),
  semver: (zod: Zod) =>
    optionalString(zod, 'Semver range of tags to follow, e.g. ">=1.0.0"'),
  path: (zod: Zod) =>
    optionalString(zod, 'Folder in the repository to reconcile (default ./)'),
  interval: (zod: Zod) =>
    optionalString(
      zod,
      'How often Flux fetches and reconciles, e.g. 1m, 10m, 1h (default 10m)',
    ),
  prune: (zod: Zod) =>
    zod
      .boolean({
        description:
          'Delete objects removed from the repository (default true)',
      })
      .optional(),
  wait: (zod: Zod) =>
    zod
      .boolean({
        description:
          'Wait for all reconciled objects to become ready (default false)',
      })
      .optional(),
  healthChecks: (zod: Zod) =>
    zod
      .array(
        zod.object({
          apiVersion: zod.string(),
          kind: zod.string(),
          name: zod.string(),
          namespace: zod.string().optional(),
        }),
        { description: 'Objects whose readiness the Kustomization reports' },
      )
      .optional(),
  dependsOn: (zod: Zod) =>
    zod
      .array(zod.string(), {
        description:
          'Kustomizations in the same namespace that must be ready first',
      })
      .optional(),
  targetNamespace: (zod: Zod) =>
    optionalString(zod, 'Namespace to put the reconciled objects in'),
  serviceAccountName: (zod: Zod) =>
    optionalString(zod, 'Service account the Kustomization impersonates'),
  timeout: (zod: Zod) =>
    optionalString(zod, 'Timeout of a reconciliation, e.g. 5m'),
  cluster: (zod: Zod) =>
    optionalString(zod, 'Cluster the source is added to (default: the hub)'),
};

/** `hub:gitops:source`: adds a Git source and the Flux Kustomization reconciling it. */
export function createGitopsSourceAction({
  clusters,
}: GitopsSourceActionOptions) {
  return createTemplateAction({
    id: 'hub:gitops:source',
    description:
      'Adds a Flux GitRepository and the Kustomization that reconciles a path from it, with a credentials Secret when the task has the secrets gitUsername and gitPassword',
    examples,
    supportsDryRun: true,
    schema: {
      input: { ...gitopsSourceFields, ...deliveryFields },
      output: {
        ...deliveryOutputs,
      },
    },
    async handler(ctx) {
      const { mode, dryRun, force, gitopsDir, fields } = deliveryOptions(
        ctx.input,
        ctx.isDryRun,
        { defaultMode: 'gitops' },
      );
      const source = parseGitopsSourceInput(
        withoutUndefined({
          ...fields,
          cluster: fields.cluster ?? clusters.defaultClusterName(),
        }),
      );
      const credentials = credentialsFrom(ctx.secrets);

      if (mode === 'gitops') {
        const files = gitopsSourceFiles(source, {
          referencesSecret: Boolean(credentials),
        });
        if (credentials) {
          ctx.logger.warn(
            `the GitRepository references Secret ${
              source.namespace
            }/${gitopsSourceSecretName(
              source,
            )}, which is not written to the repository: create it out of band (e.g. encrypted with SOPS)`,
          );
        }
        await writeGitopsFiles(ctx, {
          gitopsDir,
          files,
          index: {
            dir: `clusters/${source.cluster}/infrastructure`,
            entry: gitopsSourceClusterEntry(source),
          },
          dryRun,
        });
        return;
      }

      const cluster = await clusters.connect(source.cluster);
      const applied = await applyManifests(
        ctx,
        cluster.kubeConfig,
        buildGitopsSourceManifests(source, {
          withCredentials: credentials,
        }) as KubernetesObject[],
        {
          dryRun,
          force,
          checkpointKey: `hub.gitops.source.${source.cluster}.${source.namespace}.${source.name}`,
        },
      );
      ctx.output('objects', applied.objects);
      ctx.output('summary', applied.summary);
    },
  });
}

/** Credentials come only from task secrets, so they never show in inputs or logs. */
function credentialsFrom(
  secrets: Record<string, string> | undefined,
): GitopsSourceCredentials | undefined {
  const username = secrets?.gitUsername;
  const password = secrets?.gitPassword;
  if (!username && !password) {
    return undefined;
  }
  if (!username || !password) {
    throw new InputError(
      'secrets: gitUsername and gitPassword must be given together; set both task secrets or neither',
    );
  }
  return { username, password };
}

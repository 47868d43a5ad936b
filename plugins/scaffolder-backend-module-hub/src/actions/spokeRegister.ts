import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  buildSpokeManifests,
  parseSpokeInput,
  spokeClusterEntry,
  spokeGitopsFiles,
  spokeKubeconfigSecretName,
  SPOKES_GITOPS_DIR,
  SpokeInput,
} from '@hubspoke/backstage-plugin-hub-common';
import {
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
  VersionApi,
  VersionInfo,
} from '@kubernetes/client-node';
import type { z as zodV3 } from 'zod/v3';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { applyManifests } from '../delivery/applyManifests';
import { writeGitopsFiles } from '../delivery/writeGitopsFiles';
import { examples } from './spokeRegister.examples';
import { deliveryOutputs, withoutUndefined } from './deliveryOutputs';
import { deliveryFields } from './tenantInputFields';

const SPOKE_REACHABLE_TIMEOUT_MS = 10_000;

export interface SpokeRegisterActionOptions {
  clusters: ClusterConnector;
}

/** The fields of a spoke as the scaffolder shows them; parseSpokeInput holds the rules. */
const spokeInputFields = {
  name: (zod: typeof zodV3) =>
    zod.string({
      description:
        'Spoke name: a DNS-1123 label; also the namespace on the hub that holds it',
    }),
  sourceName: (zod: typeof zodV3) =>
    zod
      .string({
        description:
          "Name of the hub's GitRepository the Kustomizations read (default flux-system); copied into the spoke namespace",
      })
      .optional(),
  sourceUrl: (zod: typeof zodV3) =>
    zod.string({
      description: 'URL of the fleet repository (http(s):// or ssh://)',
    }),
  sourceBranch: (zod: typeof zodV3) =>
    zod.string({ description: 'Branch of the fleet repository to follow' }),
  region: (zod: typeof zodV3) =>
    zod.string({
      description: 'Region of the spoke, e.g. eu-west-1 (label value)',
    }),
  labels: (zod: typeof zodV3) =>
    zod
      .record(zod.string(), {
        description: "Extra labels on the spoke's hub namespace",
      })
      .optional(),
  layers: (zod: typeof zodV3) =>
    zod
      .array(zod.string(), {
        description:
          'Layers reconciled in order, each after the previous one (default tenants, infra-controllers, infra-configs, apps)',
      })
      .optional(),
  path: (zod: typeof zodV3) =>
    zod
      .string({
        description:
          "Folder of the spoke's overlays in the fleet repository (default ./clusters/<name>)",
      })
      .optional(),
};

/** `hub:spoke:register`: makes the hub reconcile a spoke cluster through Flux. */
export function createSpokeRegisterAction({
  clusters,
}: SpokeRegisterActionOptions) {
  return createTemplateAction({
    id: 'hub:spoke:register',
    description:
      "Registers a spoke with the hub: a hub namespace named after the spoke with the spoke's kubeconfig Secret (from the task secret spokeKubeconfig), a copy of the fleet GitRepository and a dependsOn chain of Flux Kustomizations that apply each layer into the spoke",
    examples,
    supportsDryRun: true,
    schema: {
      input: { ...spokeInputFields, ...deliveryFields },
      output: {
        namespace: z =>
          z.string({ description: "The spoke's namespace on the hub" }),
        spokeVersion: z =>
          z
            .string({
              description:
                "The spoke API server's version, e.g. v1.34.1 (apply mode)",
            })
            .optional(),
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
      const spoke = parseSpokeInput(withoutUndefined(fields));
      const isDryRun = ctx.isDryRun || dryRun;
      ctx.output('namespace', spoke.name);

      if (mode === 'gitops') {
        ctx.logger.info(
          `the Secret ${spokeKubeconfigSecretName(
            spoke,
          )} (key value) with the spoke's kubeconfig is not written to git; create it in namespace ${
            spoke.name
          } on the hub out of band`,
        );
        await writeGitopsFiles(ctx, {
          gitopsDir,
          files: spokeGitopsFiles(spoke),
          index: { dir: SPOKES_GITOPS_DIR, entry: spokeClusterEntry(spoke) },
          dryRun: isDryRun,
        });
        return;
      }

      const kubeconfig = ctx.secrets?.spokeKubeconfig;
      if (!kubeconfig) {
        throw new InputError(
          "secrets.spokeKubeconfig: is required in apply mode; pass the spoke's kubeconfig as the task secret spokeKubeconfig",
        );
      }
      const hubName = clusters.defaultClusterName();
      if (!hubName) {
        throw new InputError(
          'cluster: no hub is configured; add it under hubspoke.hub',
        );
      }
      const hub = await clusters.connect(hubName);
      const version = await spokeVersion(kubeconfig);
      ctx.logger.info(`spoke ${spoke.name} answers: ${version.gitVersion}`);
      ctx.output('spokeVersion', version.gitVersion);
      await assertSpokeOwnsNamespace(hub.kubeConfig, hubName, spoke);
      const applied = await applyManifests(
        ctx,
        hub.kubeConfig,
        buildSpokeManifests(spoke, { kubeconfig }) as KubernetesObject[],
        {
          dryRun: isDryRun,
          force,
          checkpointKey: `hub.spoke.register.${hubName}.${spoke.name}`,
        },
      );
      ctx.output('objects', applied.objects);
      ctx.output('summary', applied.summary);
    },
  });
}

/**
 * Asks the spoke's API server for its version with the kubeconfig the hub will use.
 * Messages never quote the kubeconfig: a parser error would echo its credentials.
 */
async function spokeVersion(kubeconfig: string): Promise<VersionInfo> {
  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromString(kubeconfig);
  } catch {
    throw new InputError(
      'secrets.spokeKubeconfig: is not a kubeconfig (YAML or JSON with clusters, users and contexts)',
    );
  }
  const server = kubeConfig.getCurrentCluster()?.server;
  if (!server) {
    throw new InputError(
      'secrets.spokeKubeconfig: names no cluster in its current context; set current-context',
    );
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`no answer within ${SPOKE_REACHABLE_TIMEOUT_MS} ms`)),
      SPOKE_REACHABLE_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      kubeConfig.makeApiClient(VersionApi).getCode(),
      timeout,
    ]);
  } catch (error) {
    throw new InputError(
      `secrets.spokeKubeconfig: the spoke's API server at ${server} is not reachable: ${
        (error as Error).message
      }`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** A namespace that exists for another spoke or for something else is not taken over. */
async function assertSpokeOwnsNamespace(
  kubeConfig: KubeConfig,
  hubName: string,
  spoke: SpokeInput,
) {
  const existing = await kubeConfig
    .makeApiClient(CoreV1Api)
    .readNamespace({ name: spoke.name })
    .catch(error => {
      if ((error as { code?: number }).code === 404) return undefined;
      throw error;
    });
  const owner = existing?.metadata?.labels?.['hubspoke.io/spoke'];
  if (existing && owner !== spoke.name) {
    throw new ConflictError(
      `name: namespace "${
        spoke.name
      }" on cluster "${hubName}" already exists and belongs to ${
        owner ? `spoke "${owner}"` : 'something other than Hubspoke'
      }; choose another spoke name`,
    );
  }
}

import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  buildSpokeAccountManifests,
  buildSpokeKubeconfigManifests,
  buildSpokeManifests,
  parseSpokeInput,
  renderManifestsYaml,
  spokeClusterEntry,
  spokeGitopsFiles,
  spokeGitopsRoot,
  spokesGitopsDir,
  SPOKE_TENANTS_DIR,
} from '@hubspoke/backstage-plugin-hub-common';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { writeGitopsFiles } from '../delivery/writeGitopsFiles';
import { requireHubName } from '../delivery/resolveHub';
import { examples } from './spokeRegister.examples';
import { deliveryOutputs, withoutUndefined } from './deliveryOutputs';
import { outOfBandInstructions, registerDirectly } from './spokeRegisterDirect';
import { spokeInputFields } from './spokeRegisterFields';
import { deliveryOptions } from './deliveryOptions';
import { deliveryFields, hubClusterField } from './tenantInputFields';

export interface SpokeRegisterActionOptions {
  clusters: ClusterConnector;
}

/** `hub:spoke:register`: makes the hub reconcile a spoke cluster through Flux. */
export function createSpokeRegisterAction({
  clusters,
}: SpokeRegisterActionOptions) {
  return createTemplateAction({
    id: 'hub:spoke:register',
    description:
      "Registers a spoke with the hub: on the spoke, a namespace named after it with the Flux accounts flux-cluster-admin and flux-restricted; on the hub, a namespace named after the spoke with the spoke's kubeconfig Secret (from the task secret spokeKubeconfig), a copy of the fleet GitRepository and a dependsOn chain of Flux Kustomizations that apply each layer into the spoke as one of those accounts",
    examples,
    supportsDryRun: true,
    schema: {
      input: { ...spokeInputFields, ...hubClusterField, ...deliveryFields },
      output: {
        namespace: z =>
          z.string({ description: "The spoke's namespace on the hub" }),
        spokeVersion: z =>
          z
            .string({
              description:
                "The spoke API server's version, e.g. v1.34.1 (when the task has the spokeKubeconfig secret)",
            })
            .optional(),
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
      const spoke = parseSpokeInput(withoutUndefined(fields));
      const hub = requireHubName(clusters, hubCluster);
      const kubeconfig = ctx.secrets?.spokeKubeconfig;
      ctx.output('namespace', spoke.name);

      if (mode === 'gitops') {
        const written = await writeGitopsFiles(ctx, {
          gitopsDir,
          files: spokeGitopsFiles(spoke, hub),
          index: [
            { dir: spokesGitopsDir(hub), entry: spokeClusterEntry(spoke) },
            { dir: `${spokeGitopsRoot(spoke, hub)}/${SPOKE_TENANTS_DIR}` },
            // Each layer Kustomization fails on a missing path: start them empty.
            ...spoke.layers.map(layer => ({
              dir: `${spoke.path
                .replace(/^\.\//, '')
                .replace(/\/+$/, '')}/${layer}`,
            })),
          ],
          dryRun,
        });
        if (!kubeconfig) {
          ctx.logger.warn(
            `the spoke's kubeconfig Secret and its Flux accounts are not written to git; ${outOfBandInstructions(
              spoke,
              hub,
            )}`,
          );
          ctx.logger.info(
            `the accounts on spoke ${spoke.name}:\n${renderManifestsYaml(
              buildSpokeAccountManifests(spoke, { hub }),
            )}`,
          );
          return;
        }
        ctx.logger.info(
          `applying directly, not writing to git: the kubeconfig Secret (with its namespace) to hub ${hub} and the Flux accounts to spoke ${spoke.name}`,
        );
        const applied = await registerDirectly(ctx, clusters, {
          spoke,
          hub,
          kubeconfig,
          hubManifests: buildSpokeKubeconfigManifests(spoke, kubeconfig),
          dryRun,
          force,
        });
        ctx.output('spokeVersion', applied.spokeVersion);
        ctx.output('objects', applied.objects);
        ctx.output('summary', `${written.summary}; ${applied.summary}`);
        return;
      }

      if (!kubeconfig) {
        throw new InputError(
          "secrets.spokeKubeconfig: is required in apply mode; pass the spoke's kubeconfig as the task secret spokeKubeconfig",
        );
      }
      const applied = await registerDirectly(ctx, clusters, {
        spoke,
        hub,
        kubeconfig,
        hubManifests: buildSpokeManifests(spoke, { kubeconfig }),
        dryRun,
        force,
      });
      ctx.output('spokeVersion', applied.spokeVersion);
      ctx.output('objects', applied.objects);
      ctx.output('summary', applied.summary);
    },
  });
}

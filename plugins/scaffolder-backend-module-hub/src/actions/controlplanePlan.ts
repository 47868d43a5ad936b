import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  controlPlaneGitopsFiles,
  controlPlaneGitopsRoot,
  parseControlPlaneInput,
} from '@hubspoke/backstage-plugin-hub-common';
import { writeGitopsFiles } from '../delivery/writeGitopsFiles';
import { examples } from './controlplanePlan.examples';
import { controlPlanePlanFields } from './controlplanePlanFields';
import { controlPlanePlanSteps } from './controlplanePlanSteps';
import { deliveryOutputs, withoutUndefined } from './deliveryOutputs';

/**
 * `hub:controlplane:plan`: declares the HA control plane of a new hub or spoke in the
 * fleet repository. Gitops mode only: the plan describes a cluster that does not exist
 * yet, so there is nothing to apply it to.
 */
export function createControlPlanePlanAction() {
  return createTemplateAction({
    id: 'hub:controlplane:plan',
    description:
      'Declares the highly available control plane of a new hub or spoke: kubeadm configuration files (odd number of control-plane nodes, stacked or external etcd, a load-balanced endpoint, audit logging, encryption at rest) or a Cluster API Cluster and KubeadmControlPlane, plus the CNI and CSI as Flux HelmReleases; written into the fleet repository',
    examples,
    supportsDryRun: true,
    schema: {
      input: controlPlanePlanFields,
      output: {
        path: z =>
          z.string({
            description:
              'The plan folder in the fleet repository, for a Flux Kustomization on the hub',
          }),
        steps: z =>
          z.array(z.string(), {
            description:
              'What to do out of band: the files that hold credentials, never written to git',
          }),
        summary: deliveryOutputs.summary,
        files: deliveryOutputs.files,
      },
    },
    async handler(ctx) {
      const { dryRun = false, gitopsDir = '.', ...fields } = ctx.input;
      const input = parseControlPlaneInput(withoutUndefined(fields));
      const steps = controlPlanePlanSteps(input);
      ctx.logger.info(
        `control plane of ${input.name}: ${input.provider}, ${
          input.replicas
        } nodes behind ${input.controlPlaneEndpoint.host}:${
          input.controlPlaneEndpoint.port
        }, ${input.etcd.type} etcd, ${input.cni}${
          input.csi ? ` and ${input.csi.driver} storage` : ''
        }`,
      );
      ctx.output('path', controlPlaneGitopsRoot(input));
      ctx.output('steps', steps);
      await writeGitopsFiles(ctx, {
        gitopsDir,
        files: controlPlaneGitopsFiles(input),
        dryRun: ctx.isDryRun || dryRun,
      });
      steps.forEach((step, index) => ctx.logger.info(`${index + 1}. ${step}`));
    },
  });
}

import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  apiServerAuditArgs,
  auditGitopsFiles,
  buildAuditPolicy,
  kubeadmAuditPatch,
  parseAuditInput,
  renderYamlDocument,
} from '@hubspoke/backstage-plugin-hub-common';
import { z as zodV3 } from 'zod/v3';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { writeGitopsFiles } from '../delivery/writeGitopsFiles';
import { examples } from './auditConfigure.examples';
import { deliveryOutputs, withoutUndefined } from './deliveryOutputs';

export interface AuditConfigureActionOptions {
  /** Names the default cluster (the hub). */
  clusters: Pick<ClusterConnector, 'defaultClusterName'>;
}

type Zod = typeof zodV3;

/** The fields as the scaffolder shows them; parseAuditInput holds the rules. */
const auditFields = {
  cluster: (zod: Zod) =>
    zod
      .string({
        description:
          'Cluster whose API servers get the policy (default: the hub); names the folder infrastructure/control-plane/<cluster>/audit',
      })
      .optional(),
  tenantNamespaces: (zod: Zod) =>
    zod
      .array(zod.string(), {
        description:
          'Tenant namespaces whose Flux objects are logged with request bodies (default: every namespace); regenerate the policy when tenants are added',
      })
      .optional(),
  policyFile: (zod: Zod) =>
    zod
      .string({
        description:
          'Where the policy lives on the control-plane hosts (default /etc/kubernetes/audit/policy.yaml)',
      })
      .optional(),
  logPath: (zod: Zod) =>
    zod
      .string({
        description:
          'Audit log file on the control-plane hosts (default /var/log/kubernetes/audit/audit.log)',
      })
      .optional(),
  maxAgeDays: (zod: Zod) =>
    zod
      .number({ description: 'Days a rotated log is kept (default 30)' })
      .optional(),
  maxBackups: (zod: Zod) =>
    zod
      .number({ description: 'Rotated log files kept (default 10)' })
      .optional(),
  maxSizeMegabytes: (zod: Zod) =>
    zod
      .number({ description: 'Size at which the log rotates (default 100)' })
      .optional(),
  mode: (zod: Zod) =>
    zod
      .enum(['gitops', 'outputs'], {
        description:
          'gitops: write the policy and the kubeadm patch into the fleet repository; outputs: only return them. An audit policy is a file on the control-plane hosts, so there is nothing to apply',
      })
      .optional(),
  dryRun: (zod: Zod) =>
    zod
      .boolean({ description: 'Report the files without writing them' })
      .optional(),
  gitopsDir: (zod: Zod) =>
    zod
      .string({
        description:
          'Folder of the fleet repository inside the workspace (gitops mode, default .)',
      })
      .optional(),
};

/** `hub:audit:configure`: the kube-apiserver audit policy of a hub and the flags that load it. */
export function createAuditConfigureAction({
  clusters,
}: AuditConfigureActionOptions) {
  return createTemplateAction({
    id: 'hub:audit:configure',
    description:
      'Writes a kube-apiserver audit policy (Metadata for most requests, bodies for RBAC, namespace and tenant Flux changes, nothing for health endpoints, Secrets never above Metadata) and the kubeadm ClusterConfiguration patch and flags that enable it',
    examples,
    supportsDryRun: true,
    schema: {
      input: auditFields,
      output: {
        policy: z =>
          z.string({ description: 'The audit.k8s.io/v1 Policy as YAML' }),
        flags: z =>
          z.array(z.string(), {
            description: 'The kube-apiserver flags, as --name=value',
          }),
        kubeadmPatch: z =>
          z.string({
            description:
              'The kubeadm v1beta4 ClusterConfiguration fragment (extraArgs and extraVolumes) as YAML',
          }),
        summary: deliveryOutputs.summary,
        files: deliveryOutputs.files,
      },
    },
    async handler(ctx) {
      const {
        mode = 'gitops',
        dryRun = false,
        gitopsDir = '.',
        ...fields
      } = ctx.input;
      const input = parseAuditInput(
        withoutUndefined({
          ...fields,
          cluster: fields.cluster ?? clusters.defaultClusterName(),
        }),
      );
      const policy = buildAuditPolicy(input);
      ctx.output('policy', renderYamlDocument(policy));
      ctx.output('flags', apiServerAuditArgs(input));
      ctx.output('kubeadmPatch', renderYamlDocument(kubeadmAuditPatch(input)));
      ctx.logger.info(
        `audit policy for ${input.cluster}: ${policy.rules.length} rules, log ${input.logPath} kept ${input.maxAgeDays} days`,
      );

      if (mode === 'outputs') {
        ctx.output('summary', 'policy, flags and kubeadm patch returned');
        return;
      }
      await writeGitopsFiles(ctx, {
        gitopsDir,
        files: auditGitopsFiles(input),
        dryRun: ctx.isDryRun || dryRun,
      });
      ctx.logger.info(
        `copy policy.yaml to ${input.policyFile} on every control-plane node and merge kubeadm-cluster-configuration.yaml into the kubeadm configuration (or run kubeadm upgrade with it)`,
      );
    },
  });
}

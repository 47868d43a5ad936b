import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  buildSecurityBaselineManifests,
  parseSecurityBaselineInput,
  SecurityBaselineInput,
} from '@hubspoke/backstage-plugin-hub-common';
import { KubernetesObject } from '@kubernetes/client-node';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { deliveryOutputs, withoutUndefined } from './deliveryOutputs';
import { examples } from './securityBaseline.examples';
import { applyAsSecurityBaseline } from './securityBaselineApply';
import { securityBaselineFields } from './securityBaselineFields';
import { assertKyvernoInstalled } from './securityBaselineKyverno';
import { writeSecurityBaselineFiles } from './securityBaselineGitopsMode';
import { tenantNamespacesOnCluster } from './securityBaselineTenants';
import { deliveryOptions } from './deliveryOptions';
import { deliveryFields } from './tenantInputFields';

export interface SecurityBaselineActionOptions {
  clusters: ClusterConnector;
}

function describeBaseline(
  input: SecurityBaselineInput,
  tenantNamespaces: string[],
): string {
  const list = (values: string[]) =>
    values.length > 0 ? values.join(', ') : 'none';
  return [
    `security baseline for cluster ${input.cluster}:`,
    `admins ${list(input.adminGroups)};`,
    `viewers ${list(input.viewerGroups)};`,
    `tenant reconcilers ${list(input.tenantReconcilerGroups)};`,
    `tenant namespaces ${list(tenantNamespaces)};`,
    `admission by ${input.admissionEngine} for namespaces labelled ${input.tenantLabel} and default;`,
    `images from ${list(input.allowedRegistries)}`,
  ].join(' ');
}

/** `hub:security:baseline`: RBAC, Pod Security, admission policies and platform network policies for a hub. */
export function createSecurityBaselineAction({
  clusters,
}: SecurityBaselineActionOptions) {
  return createTemplateAction({
    id: 'hub:security:baseline',
    description:
      'Secures a hub: platform admin, viewer and tenant reconciler roles bound to groups, Pod Security labels, admission policies for tenant namespaces and the default namespace (privileged and host pods, registries, owner labels, resource limits), and default-deny network policies for Flux and monitoring',
    examples,
    supportsDryRun: true,
    schema: {
      input: { ...securityBaselineFields, ...deliveryFields },
      output: {
        tenantNamespaces: z =>
          z.array(z.string(), {
            description:
              'Tenant namespaces labelled and bound for the reconcilers',
          }),
        ...deliveryOutputs,
      },
    },
    async handler(ctx) {
      const { mode, dryRun, force, gitopsDir, fields } = deliveryOptions(
        ctx.input,
        ctx.isDryRun,
        { defaultMode: 'gitops' },
      );
      const input = parseSecurityBaselineInput(
        withoutUndefined({
          ...fields,
          cluster: fields.cluster ?? clusters.defaultClusterName(),
        }),
      );

      if (mode === 'gitops') {
        const tenantNamespaces = input.tenantNamespaces ?? [];
        ctx.output('tenantNamespaces', tenantNamespaces);
        ctx.logger.info(describeBaseline(input, tenantNamespaces));
        await writeSecurityBaselineFiles(ctx, input, {
          gitopsDir,
          dryRun,
        });
        return;
      }

      const cluster = await clusters.connect(input.cluster);
      if (input.admissionEngine === 'Kyverno') {
        await assertKyvernoInstalled(cluster.kubeConfig, input.cluster);
      }
      const tenantNamespaces = await tenantNamespacesOnCluster(
        cluster.kubeConfig,
        input,
      );
      ctx.output('tenantNamespaces', tenantNamespaces);
      ctx.logger.info(describeBaseline(input, tenantNamespaces));
      const applied = await applyAsSecurityBaseline(
        ctx,
        cluster.kubeConfig,
        buildSecurityBaselineManifests(input, {
          tenantNamespaces,
        }) as KubernetesObject[],
        {
          dryRun,
          force,
          checkpointKey: `hub.security.baseline.${input.cluster}`,
        },
      );
      ctx.output('objects', applied.objects);
      ctx.output('summary', applied.summary);
    },
  });
}

import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  alertNames,
  buildHubRuleGroups,
  buildMonitoringManifests,
  buildMonitoringSecrets,
  GRAFANA_ADMIN_PASSWORD_SECRET,
  GRAFANA_ADMIN_SECRET,
  MONITORING_CHARTS,
  monitoringGitopsFiles,
  MonitoringInput,
  MonitoringInputError,
  monitoringSecretProblems,
  parseMonitoringInput,
} from '@hubspoke/backstage-plugin-hub-common';
import { KubernetesObject } from '@kubernetes/client-node';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { applyManifests, ApplyContext } from '../delivery/applyManifests';
import { writeGitopsFiles } from '../delivery/writeGitopsFiles';
import { deliveryOutputs, withoutUndefined } from './deliveryOutputs';
import { examples } from './monitoringInstall.examples';
import {
  checkApplyPrerequisites,
  monitoringCrdManifests,
} from './monitoringInstallPreflight';
import { monitoringInstallFields } from './monitoringInstallFields';
import { applyMonitoringSecrets } from './monitoringInstallSecrets';
import { deliveryOptions } from './deliveryOptions';
import { deliveryFields } from './tenantInputFields';

export interface MonitoringInstallActionOptions {
  clusters: ClusterConnector;
}

/** Validates the input and the task secrets it names, before anything is touched. */
function parseInput(
  fields: object,
  mode: 'apply' | 'gitops',
  secrets: Record<string, string> | undefined,
): MonitoringInput {
  const input = parseMonitoringInput(withoutUndefined(fields));
  const problems = monitoringSecretProblems(input, secrets);
  if (mode === 'gitops' && input.installCrds) {
    problems.push(
      'installCrds: only applies in apply mode; in gitops mode kube-prometheus-stack installs the CRDs before Flux applies the configs',
    );
  }
  if (problems.length > 0) {
    throw new MonitoringInputError(problems);
  }
  return input;
}

function warnWithoutGrafanaSecret(
  ctx: ApplyContext,
  input: MonitoringInput,
  secrets: Record<string, string> | undefined,
) {
  if (!secrets?.[GRAFANA_ADMIN_PASSWORD_SECRET]) {
    ctx.logger.warn(
      `Grafana reads its admin login from Secret ${input.namespace}/${GRAFANA_ADMIN_SECRET}: set the task secret ${GRAFANA_ADMIN_PASSWORD_SECRET}, or create the Secret (keys admin-user, admin-password) out of band`,
    );
  }
}

/** `hub:monitoring:install`: kube-prometheus-stack through Flux, with the hub's rules, routing and dashboards. */
export function createMonitoringInstallAction({
  clusters,
}: MonitoringInstallActionOptions) {
  return createTemplateAction({
    id: 'hub:monitoring:install',
    description:
      "Installs kube-prometheus-stack through a Flux HelmRelease (pinned chart, retention, storage, Alertmanager routing per severity and tenant), a PodMonitor for Flux's controllers, the hub's alert rules (API server, etcd, Flux, backups against the RPO, certificates, nodes), Grafana dashboards, and optionally Loki with a log collector and Tempo",
    examples,
    supportsDryRun: true,
    schema: {
      input: { ...monitoringInstallFields, ...deliveryFields },
      output: {
        namespace: z =>
          z.string({ description: 'Namespace of the monitoring stack' }),
        chartVersion: z =>
          z.string({
            description: 'The kube-prometheus-stack version installed',
          }),
        alerts: z =>
          z.array(z.string(), { description: 'The hub alerts installed' }),
        ...deliveryOutputs,
      },
    },
    async handler(ctx) {
      const { mode, dryRun, force, gitopsDir, fields } = deliveryOptions(
        ctx.input,
        ctx.isDryRun,
        { defaultMode: 'gitops' },
      );
      const input = parseInput(
        { ...fields, cluster: fields.cluster ?? clusters.defaultClusterName() },
        mode,
        ctx.secrets,
      );
      const secrets = buildMonitoringSecrets(input, ctx.secrets);
      ctx.output('namespace', input.namespace);
      ctx.output('chartVersion', MONITORING_CHARTS.kubePrometheusStack.version);
      const alerts = alertNames(buildHubRuleGroups(input));
      ctx.output('alerts', alerts);
      warnWithoutGrafanaSecret(ctx, input, ctx.secrets);
      const installs = `kube-prometheus-stack ${MONITORING_CHARTS.kubePrometheusStack.version} into ${input.namespace} on ${input.cluster} with ${alerts.length} hub alerts`;

      if (mode === 'gitops') {
        const written = await writeGitopsFiles(ctx, {
          gitopsDir,
          files: monitoringGitopsFiles(input),
          dryRun,
        });
        await applyMonitoringSecrets(ctx, clusters, input, secrets, {
          dryRun,
          force,
        });
        ctx.logger.info(`${installs}: ${written.summary}`);
        return;
      }

      const cluster = await clusters.connect(input.cluster);
      await checkApplyPrerequisites(cluster.kubeConfig, input);
      const applied = await applyManifests(
        ctx,
        cluster.kubeConfig,
        [
          ...(input.installCrds ? monitoringCrdManifests() : []),
          ...buildMonitoringManifests(input, secrets),
        ] as KubernetesObject[],
        {
          dryRun,
          force,
          checkpointKey: `hub.monitoring.install.${input.cluster}.${input.namespace}`,
        },
      );
      ctx.output('objects', applied.objects);
      ctx.output('summary', applied.summary);
      ctx.logger.info(`${installs}: ${applied.summary}`);
      ctx.logger.info(
        `Flux installs the charts asynchronously: follow HelmRelease ${input.fluxNamespace}/kube-prometheus-stack until it is Ready`,
      );
    },
  });
}

import {
  ALERT_SEVERITIES,
  RECEIVER_TYPES,
} from '@hubspoke/backstage-plugin-hub-common';
import { z } from 'zod/v3';

type Zod = typeof z;

const optionalString = (zod: Zod, description: string) =>
  zod.string({ description }).optional();

const optionalBoolean = (zod: Zod, description: string) =>
  zod.boolean({ description }).optional();

function receiverFields(zod: Zod) {
  return zod.object({
    name: zod.string({ description: 'Receiver name: a DNS-1123 label' }),
    type: zod.enum(RECEIVER_TYPES, {
      description:
        'webhook (url, optional bearer token in secret), slack (channel; secret holds the webhook URL) or pagerduty (secret holds the routing key)',
    }),
    url: optionalString(zod, 'Webhook URL (webhook receivers only)'),
    channel: optionalString(zod, 'Slack channel, e.g. #platform-alerts'),
    secret: optionalString(
      zod,
      'Name of the task secret with the credential (never the credential itself)',
    ),
    sendResolved: optionalBoolean(
      zod,
      'Also notify when the alert resolves (default true)',
    ),
  });
}

/**
 * The fields as the scaffolder shows them. The rules live in hub-common's
 * parseMonitoringInput, which the action runs before anything else.
 */
export const monitoringInstallFields = {
  cluster: (zod: Zod) =>
    optionalString(
      zod,
      'Cluster to monitor (default: the hub); names the fleet folder clusters/<cluster>/monitoring',
    ),
  namespace: (zod: Zod) =>
    optionalString(
      zod,
      'Namespace of the monitoring stack (default monitoring)',
    ),
  fluxNamespace: (zod: Zod) =>
    optionalString(
      zod,
      "Flux's namespace, where the HelmRepositories and HelmReleases live (default flux-system)",
    ),
  storageClassName: (zod: Zod) =>
    optionalString(
      zod,
      'StorageClass of the volumes (default: the cluster default)',
    ),
  prometheus: (zod: Zod) =>
    zod
      .object(
        {
          retention: optionalString(
            zod,
            'How long Prometheus keeps samples, e.g. 15d (default)',
          ),
          retentionSize: optionalString(
            zod,
            'Size at which the oldest samples go, e.g. 45GB',
          ),
          storageSize: optionalString(
            zod,
            "Size of Prometheus' volume (default 50Gi)",
          ),
        },
        { description: "Prometheus' retention and storage" },
      )
      .optional(),
  alerting: (zod: Zod) =>
    zod.object(
      {
        receivers: zod.array(receiverFields(zod), {
          description:
            'Where alerts go; credentials come from the task secrets the receivers name',
        }),
        defaultReceiver: zod.string({
          description: 'Receiver of alerts no route matches',
        }),
        severityRoutes: zod
          .record(zod.string(), {
            description: `Receiver per severity (${ALERT_SEVERITIES.join(
              ', ',
            )})`,
          })
          .optional(),
        tenantRoutes: zod
          .array(
            zod.object({
              tenant: zod.string({ description: 'Tenant name' }),
              receiver: zod.string({ description: "The tenant's receiver" }),
              severities: zod
                .array(zod.enum(ALERT_SEVERITIES))
                .optional()
                .describe('Only these severities (default all)'),
            }),
            {
              description:
                "Alerts labelled tenant=<tenant> (Flux objects in the tenant's namespaces) go to the tenant's receiver",
            },
          )
          .optional(),
        groupWait: optionalString(zod, 'Alertmanager group_wait (default 30s)'),
        groupInterval: optionalString(
          zod,
          'Alertmanager group_interval (default 5m)',
        ),
        repeatInterval: optionalString(
          zod,
          'Alertmanager repeat_interval (default 4h)',
        ),
      },
      { description: 'Alertmanager routing per severity and per tenant' },
    ),
  backups: (zod: Zod) =>
    zod
      .object(
        {
          rpo: optionalString(
            zod,
            'Recovery point objective: alert when the last backup is older, e.g. 24h (default)',
          ),
          velero: optionalBoolean(
            zod,
            "Watch Velero's schedules (default true)",
          ),
          etcdSnapshot: optionalBoolean(
            zod,
            'Watch the etcd snapshot CronJob (default true)',
          ),
          etcdSnapshotNamespace: optionalString(
            zod,
            'Namespace of the etcd snapshot CronJob (default velero, as hub:backup:configure installs it)',
          ),
          etcdSnapshotCronJob: optionalString(
            zod,
            'Name of the etcd snapshot CronJob (default etcd-snapshot)',
          ),
        },
        { description: 'Backup age alerts against the RPO' },
      )
      .optional(),
  dashboards: (zod: Zod) =>
    optionalBoolean(
      zod,
      'Grafana dashboards for the hub, Flux and tenants (default true)',
    ),
  logging: (zod: Zod) =>
    zod
      .object(
        {
          enabled: optionalBoolean(
            zod,
            'Install Loki and an OpenTelemetry log collector',
          ),
          retention: optionalString(zod, 'Log retention (default 7d)'),
          storageSize: optionalString(
            zod,
            "Size of Loki's volume (default 20Gi)",
          ),
        },
        { description: 'Optional logging: Loki plus a collector' },
      )
      .optional(),
  tracing: (zod: Zod) =>
    zod
      .object(
        {
          enabled: optionalBoolean(zod, 'Install Tempo'),
          retention: optionalString(
            zod,
            'Trace retention in hours, e.g. 72h (default)',
          ),
          storageSize: optionalString(
            zod,
            "Size of Tempo's volume (default 10Gi)",
          ),
        },
        { description: 'Optional tracing: Tempo, fed over OTLP' },
      )
      .optional(),
  installCrds: (zod: Zod) =>
    optionalBoolean(
      zod,
      "Apply mode: apply the Prometheus Operator's PodMonitor and PrometheusRule CRDs first, when the cluster has none yet (default false)",
    ),
};

import {
  ETCD_SNAPSHOT_LAST_SUCCESS_SERIES,
  VELERO_LAST_SUCCESS_SERIES,
} from '../backupRules';
import { MonitoringInput } from '../monitoringInput';
import { prometheusDurationSeconds } from '../monitoringRules';
import { APISERVER_JOB, AREA_LABEL, ETCD_JOB } from '../ruleHelpers';
import {
  dashboard,
  GrafanaDashboard,
  greenFrom,
  PanelDraft,
  redFrom,
} from './grafanaDashboard';

const YES_NO = [
  {
    type: 'value' as const,
    options: {
      '0': { text: 'No', color: 'red' },
      '1': { text: 'Yes', color: 'green' },
    },
  },
];

function stat(
  title: string,
  description: string,
  expr: string,
  extra: Partial<PanelDraft> = {},
): PanelDraft {
  return {
    type: 'stat',
    title,
    description,
    width: 4,
    height: 4,
    queries: [{ expr }],
    ...extra,
  };
}

function health(): PanelDraft[] {
  return [
    stat(
      'API servers up',
      'kube-apiserver instances Prometheus scrapes',
      `sum(up{${APISERVER_JOB}})`,
      { thresholds: greenFrom(1) },
    ),
    stat(
      'etcd members up',
      'etcd members Prometheus scrapes',
      `sum(up{${ETCD_JOB}})`,
      { thresholds: greenFrom(1) },
    ),
    stat(
      'etcd has a leader',
      'Whether every etcd member sees a leader',
      `min(etcd_server_has_leader{${ETCD_JOB}})`,
      { mappings: YES_NO },
    ),
    stat(
      'Nodes not ready',
      'Nodes whose Ready condition is not true',
      'count(kube_node_status_condition{condition="Ready",status="true"} == 0) or vector(0)',
      { thresholds: redFrom(1) },
    ),
    stat(
      'Flux objects not ready',
      'Flux objects whose Ready condition is False',
      'count(gotk_resource_info{ready="False"}) or vector(0)',
      { thresholds: redFrom(1) },
    ),
    stat(
      'Critical alerts firing',
      'Alerts with severity critical that fire now',
      'count(ALERTS{alertstate="firing",severity="critical"}) or vector(0)',
      { thresholds: redFrom(1) },
    ),
  ];
}

function ages(input: MonitoringInput): PanelDraft[] {
  const rpoSeconds = prometheusDurationSeconds(input.backups.rpo) ?? 0;
  const age = (title: string, description: string, series: string) =>
    stat(title, description, `time() - max(${series})`, {
      width: 6,
      unit: 's',
      thresholds: redFrom(rpoSeconds),
    });
  return [
    ...(input.backups.velero
      ? [
          age(
            'Age of the last Velero backup',
            `Red past the recovery point objective (${input.backups.rpo})`,
            VELERO_LAST_SUCCESS_SERIES,
          ),
        ]
      : []),
    ...(input.backups.etcdSnapshot
      ? [
          age(
            'Age of the last etcd snapshot',
            `Red past the recovery point objective (${input.backups.rpo})`,
            ETCD_SNAPSHOT_LAST_SUCCESS_SERIES,
          ),
        ]
      : []),
    stat(
      'Shortest client certificate lifetime',
      'Remaining lifetime of the client certificates presented to the API servers (1st percentile)',
      `histogram_quantile(0.01, sum by (le) (rate(apiserver_client_certificate_expiration_seconds_bucket{${APISERVER_JOB}}[$__rate_interval])))`,
      { width: 6, unit: 's', thresholds: greenFrom(7 * 24 * 3600) },
    ),
    stat(
      'etcd database size',
      'Largest etcd database of the members',
      `max(etcd_mvcc_db_total_size_in_bytes{${ETCD_JOB}})`,
      { width: 6, unit: 'bytes' },
    ),
  ];
}

function trends(): PanelDraft[] {
  const series = (
    title: string,
    description: string,
    expr: string,
    legend: string,
    unit?: string,
  ): PanelDraft => ({
    type: 'timeseries',
    title,
    description,
    width: 12,
    height: 8,
    queries: [{ expr, legend }],
    unit,
  });
  return [
    series(
      'API requests by code',
      'Requests per second the API servers answer, by HTTP code',
      `sum by (code) (rate(apiserver_request_total{${APISERVER_JOB}}[$__rate_interval]))`,
      '{{code}}',
      'reqps',
    ),
    series(
      'API request latency (p99) by verb',
      '99th percentile of request duration, without long-running WATCH and CONNECT',
      `histogram_quantile(0.99, sum by (le, verb) (rate(apiserver_request_duration_seconds_bucket{${APISERVER_JOB},verb!~"WATCH|CONNECT"}[$__rate_interval])))`,
      '{{verb}}',
      's',
    ),
    series(
      'etcd WAL fsync (p99) by member',
      'Slow disks show here first; above 10 ms etcd struggles',
      `histogram_quantile(0.99, sum by (instance, le) (rate(etcd_disk_wal_fsync_duration_seconds_bucket{${ETCD_JOB}}[$__rate_interval])))`,
      '{{instance}}',
      's',
    ),
    series(
      'Firing alerts by area',
      'The hub alerts that fire, by hub area and severity',
      `count by (${AREA_LABEL}, severity) (ALERTS{alertstate="firing",${AREA_LABEL}!=""})`,
      `{{${AREA_LABEL}}} {{severity}}`,
    ),
  ];
}

/** The hub at a glance: control plane, etcd, Flux, backups, certificates, nodes. */
export function hubOverviewDashboard(input: MonitoringInput): GrafanaDashboard {
  return dashboard({
    uid: 'hubspoke-hub-overview',
    title: 'Hubspoke / Hub overview',
    description:
      "The hub cluster's health: API servers, etcd, nodes, Flux, backups and certificates",
    panels: [
      ...health(),
      ...ages(input),
      ...trends(),
      {
        type: 'table',
        title: 'Nodes under pressure',
        description: 'Nodes that report memory, disk or PID pressure',
        width: 24,
        height: 6,
        queries: [
          {
            expr: 'kube_node_status_condition{condition=~"MemoryPressure|DiskPressure|PIDPressure",status="true"} == 1',
          },
        ],
      },
    ],
  });
}

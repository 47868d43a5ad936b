import {
  eventually,
  ensureTestbedBuilt,
  startTestbed,
  Testbed,
} from '@hubspoke/testbed';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exporterStandIns,
  etcdWithoutLeader,
} from '../__testUtils__/exporterStandIns';
import {
  LoopbackServer,
  startMetricsEndpoint,
  startWebhookRecorder,
  WebhookRecorder,
} from '../__testUtils__/loopbackServers';
import {
  RunningServer,
  startAlertmanager,
  startPrometheus,
} from '../__testUtils__/prometheusServers';
import { promqlMetricNames } from '../__testUtils__/promqlMetricNames';
import { runAction } from '../__testUtils__/runAction';
import { connectorForHub } from '../__testUtils__/testbedClusters';
import { createMonitoringInstallAction } from './monitoringInstall';

// The rendered config reads receiver credentials where the operator mounts the Secret.
const MOUNTED_SECRETS =
  '/etc/alertmanager/secrets/hubspoke-alertmanager-receivers';
const PAYMENTS_TOKEN = 'payments-bearer-token-from-task-secrets';

let testbed: Testbed;
let dir: string;
let webhook: WebhookRecorder;
let standIns: LoopbackServer;
let alertmanager: RunningServer;
let prometheus: RunningServer;
let groups: Array<{ name: string; rules: Array<Record<string, unknown>> }>;
let dashboards: Array<{
  uid: string;
  panels: Array<{ targets: Array<{ expr: string }> }>;
}>;

/** An alert by its name and the label that tells it from the others of its name. */
function alertKey(labels: Record<string, string>): string {
  const label = [
    'tenant',
    'exported_namespace',
    'job',
    'schedule',
    'cronjob',
    'node',
  ].find(name => labels[name]);
  return label
    ? `${labels.alertname} ${label}=${labels[label]}`
    : labels.alertname;
}

function monitoringInput(webhookUrl: string) {
  return {
    alerting: {
      receivers: [
        {
          name: 'platform-critical',
          type: 'webhook',
          url: `${webhookUrl}/critical`,
        },
        {
          name: 'platform-default',
          type: 'webhook',
          url: `${webhookUrl}/default`,
        },
        {
          name: 'payments-hook',
          type: 'webhook',
          url: `${webhookUrl}/payments`,
          secret: 'paymentsToken',
        },
      ],
      defaultReceiver: 'platform-default',
      severityRoutes: { critical: 'platform-critical' },
      tenantRoutes: [
        {
          tenant: 'payments',
          receiver: 'payments-hook',
          severities: ['critical', 'warning'],
        },
      ],
      groupWait: '1s',
      groupInterval: '1s',
      repeatInterval: '1h',
    },
    backups: { rpo: '1h' },
    installCrds: true,
    mode: 'apply',
  };
}

/** What the action stored in the cluster: the values, the rules, the Secret, the dashboards. */
async function readInstalled() {
  const kubeConfig = testbed.kubeConfig();
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const release = await custom.getNamespacedCustomObject({
    group: 'helm.toolkit.fluxcd.io',
    version: 'v2',
    namespace: 'flux-system',
    plural: 'helmreleases',
    name: 'kube-prometheus-stack',
  });
  const rule = await custom.getNamespacedCustomObject({
    group: 'monitoring.coreos.com',
    version: 'v1',
    namespace: 'monitoring',
    plural: 'prometheusrules',
    name: 'hubspoke-hub',
  });
  const secret = await core.readNamespacedSecret({
    namespace: 'monitoring',
    name: 'hubspoke-alertmanager-receivers',
  });
  const maps = await core.listNamespacedConfigMap({
    namespace: 'monitoring',
    labelSelector: 'grafana_dashboard=1',
  });
  return {
    alertmanagerConfig: release.spec.values.alertmanager.config,
    groups: rule.spec.groups,
    secretData: secret.data ?? {},
    dashboards: maps.items.flatMap(map =>
      Object.values(map.data ?? {}).map(json => JSON.parse(json)),
    ),
  };
}

/** Mounts the Secret's keys as files, as the Prometheus Operator does in the pod. */
async function mountSecret(data: Record<string, string>): Promise<string> {
  const secretsDir = join(dir, 'secrets');
  await mkdir(secretsDir);
  for (const [key, value] of Object.entries(data)) {
    await writeFile(join(secretsDir, key), Buffer.from(value, 'base64'));
  }
  return secretsDir;
}

// Pending periods of up to an hour would outlast the test, so they shrink to a few
// seconds (enough for the tenant recording rule to be evaluated first); everything
// else stays as built.
function withShortPendingPeriods(ruleGroups: typeof groups) {
  return ruleGroups.map(group => ({
    ...group,
    rules: group.rules.map(rule =>
      'for' in rule ? { ...rule, for: '3s' } : rule,
    ),
  }));
}

function prometheusConfig(alertmanagerUrl: string) {
  const { state } = testbed;
  const kubeConfig = testbed.kubeConfig();
  const target = (url: string) => url.replace(/^https?:\/\//, '');
  return {
    global: {
      scrape_interval: '1s',
      scrape_timeout: '1s',
      evaluation_interval: '1s',
    },
    rule_files: [join(dir, 'rules.yaml')],
    alerting: {
      alertmanagers: [
        { static_configs: [{ targets: [target(alertmanagerUrl)] }] },
      ],
    },
    scrape_configs: [
      {
        job_name: 'apiserver',
        scheme: 'https',
        tls_config: {
          ca_file: join(dir, 'ca.crt'),
          cert_file: join(dir, 'client.crt'),
          key_file: join(dir, 'client.key'),
        },
        static_configs: [
          { targets: [target(kubeConfig.getCurrentCluster()!.server)] },
        ],
      },
      {
        job_name: 'kube-etcd',
        static_configs: [{ targets: state.etcdClientURLs.map(target) }],
      },
      {
        job_name: 'flux-system',
        static_configs: [
          { targets: (state.flux?.controllers ?? []).map(c => c.metricsAddr) },
        ],
      },
      {
        job_name: 'kube-state-metrics',
        honor_labels: true,
        metrics_path: '/exporters',
        static_configs: [{ targets: [target(standIns.url)] }],
      },
      {
        job_name: 'kube-etcd-lost-leader',
        metrics_path: '/etcd',
        static_configs: [{ targets: [target(standIns.url)] }],
      },
    ],
  };
}

async function writeClientCertificates() {
  const kubeConfig = testbed.kubeConfig();
  const user = kubeConfig.getCurrentUser()!;
  const cluster = kubeConfig.getCurrentCluster()!;
  const decode = (data?: string) => Buffer.from(data ?? '', 'base64');
  await writeFile(join(dir, 'ca.crt'), decode(cluster.caData));
  await writeFile(join(dir, 'client.crt'), decode(user.certData));
  await writeFile(join(dir, 'client.key'), decode(user.keyData));
}

beforeAll(async () => {
  await ensureTestbedBuilt();
  testbed = await startTestbed({ flux: true, nodes: 0 });
  dir = await mkdtemp(join(tmpdir(), 'hub-alerting-'));
  webhook = await startWebhookRecorder();
  const action = createMonitoringInstallAction({
    clusters: connectorForHub({
      name: 'hub',
      auth: { type: 'kubeconfig', kubeconfigPath: testbed.state.kubeconfig },
    }),
  });
  await runAction(action, monitoringInput(webhook.url), {
    secrets: { paymentsToken: PAYMENTS_TOKEN },
  });
  const installed = await readInstalled();
  groups = installed.groups;
  dashboards = installed.dashboards;
  const secretsDir = await mountSecret(installed.secretData);
  const alertmanagerConfig = JSON.parse(
    JSON.stringify(installed.alertmanagerConfig)
      .split(MOUNTED_SECRETS)
      .join(secretsDir),
  );

  standIns = await startMetricsEndpoint({
    '/exporters': exporterStandIns,
    '/etcd': etcdWithoutLeader,
  });
  alertmanager = await startAlertmanager(dir, alertmanagerConfig);
  await writeFile(
    join(dir, 'rules.yaml'),
    JSON.stringify({ groups: withShortPendingPeriods(groups) }),
  );
  await writeClientCertificates();
  prometheus = await startPrometheus(dir, prometheusConfig(alertmanager.url));
}, 300_000);

afterAll(async () => {
  await prometheus?.stop();
  await alertmanager?.stop();
  await standIns?.close();
  await webhook?.close();
  await testbed?.stop();
  if (dir) {
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);

describe('hub:monitoring:install alerting on a real Prometheus and Alertmanager', () => {
  it('loads every hub rule into Prometheus, which evaluates them without errors', async () => {
    const loaded = await eventually(async () => {
      const { data } = await prometheus.getJson('/api/v1/rules');
      const rules = data.groups.flatMap((g: any) => g.rules);
      // Rules not yet evaluated report the zero time.
      expect(
        rules.filter((r: any) => r.lastEvaluation.startsWith('0001')),
      ).toEqual([]);
      return data.groups;
    });

    expect(loaded.map((g: any) => g.name).sort()).toEqual(
      groups.map(g => g.name).sort(),
    );
    const unhealthy = loaded
      .flatMap((g: any) => g.rules)
      .filter((r: any) => r.health !== 'ok')
      .map((r: any) => `${r.name}: ${r.lastError}`);
    expect(unhealthy).toEqual([]);
  }, 60_000);

  it('fires exactly the alerts the real components and the stand-in exporters call for', async () => {
    await eventually(
      async () => {
        const { data } = await prometheus.getJson('/api/v1/alerts');
        const firing = data.alerts
          .filter((a: any) => a.state === 'firing')
          .map((a: any) => alertKey(a.labels))
          .sort();
        expect(firing).toEqual([
          'FluxObjectSuspended tenant=payments',
          'FluxReconciliationFailed exported_namespace=flux-system',
          'FluxReconciliationFailed tenant=payments',
          'HubBackupOlderThanRPO schedule=hub-daily',
          'HubEtcdNoLeader job=kube-etcd-lost-leader',
          'HubEtcdSnapshotOlderThanRPO cronjob=etcd-snapshot',
          'HubNodeUnderPressure node=kwok-node-0',
        ]);
      },
      { timeoutMs: 60_000 },
    );
  }, 90_000);

  it('delivers each alert to the receiver of its tenant or severity, with the credential from the Secret', async () => {
    // Every alert that ever reached a receiver counts: a wrong delivery cannot be undone.
    await eventually(
      () => {
        const received: Record<string, Set<string>> = {};
        for (const delivery of webhook.deliveries) {
          for (const alert of delivery.alerts) {
            (received[delivery.path] ??= new Set()).add(alertKey(alert.labels));
          }
        }
        expect(
          Object.fromEntries(
            Object.entries(received).map(([path, keys]) => [
              path,
              [...keys].sort(),
            ]),
          ),
        ).toEqual({
          '/critical': [
            'HubBackupOlderThanRPO schedule=hub-daily',
            'HubEtcdNoLeader job=kube-etcd-lost-leader',
            'HubEtcdSnapshotOlderThanRPO cronjob=etcd-snapshot',
          ],
          '/payments': ['FluxReconciliationFailed tenant=payments'],
          '/default': [
            'FluxObjectSuspended tenant=payments',
            'FluxReconciliationFailed exported_namespace=flux-system',
            'HubNodeUnderPressure node=kwok-node-0',
          ],
        });
      },
      { timeoutMs: 90_000 },
    );
    const authorizations = webhook.deliveries.map(d => [
      d.path,
      d.authorization,
    ]);
    expect(authorizations).toContainEqual([
      '/payments',
      `Bearer ${PAYMENTS_TOKEN}`,
    ]);
    expect(
      authorizations.filter(([path, auth]) => path !== '/payments' && auth),
    ).toEqual([]);
  }, 120_000);

  it('answers every dashboard query, and each reads metrics Prometheus has', async () => {
    const queries = dashboards.flatMap(board =>
      board.panels.flatMap(panel =>
        panel.targets.map(t => ({ board: board.uid, expr: t.expr })),
      ),
    );
    expect(dashboards.map(d => d.uid).sort()).toEqual([
      'hubspoke-flux',
      'hubspoke-hub-overview',
      'hubspoke-tenants',
    ]);

    const missing = await eventually(
      async () => {
        const { data: known } = await prometheus.getJson(
          '/api/v1/label/__name__/values',
        );
        const absent = queries.flatMap(({ board, expr }) =>
          promqlMetricNames(expr)
            .filter(name => !known.includes(name))
            .map(name => `${board}: ${name}`),
        );
        expect(absent).toEqual([]);
        return absent;
      },
      { timeoutMs: 60_000 },
    );
    expect(missing).toEqual([]);

    for (const { board, expr } of queries) {
      const query = expr
        .replaceAll('$__rate_interval', '1m')
        .replaceAll('$tenant', '.+');
      const answer = await prometheus.getJson(
        `/api/v1/query?query=${encodeURIComponent(query)}`,
      );
      expect({ board, expr, status: answer.status }).toEqual({
        board,
        expr,
        status: 'success',
      });
    }
    const { data: tenants } = await prometheus.getJson(
      `/api/v1/query?query=${encodeURIComponent(
        'count by (tenant) (hubspoke:namespace_tenant:info)',
      )}`,
    );
    expect(tenants.result.map((r: any) => r.metric.tenant)).toEqual([
      'payments',
    ]);
  }, 90_000);

  it('has Flux reconcile the HelmRepository it cannot reach, without waiting for the chart', async () => {
    const custom = testbed.kubeConfig().makeApiClient(CustomObjectsApi);
    const ready = await eventually(
      async () => {
        const repository = await custom.getNamespacedCustomObject({
          group: 'source.toolkit.fluxcd.io',
          version: 'v1',
          namespace: 'flux-system',
          plural: 'helmrepositories',
          name: 'prometheus-community',
        });
        const condition = repository.status?.conditions?.find(
          (c: any) => c.type === 'Ready',
        );
        expect(condition?.status).toBe('False');
        return condition;
      },
      { timeoutMs: 120_000 },
    );
    expect(ready.message).not.toBe('');
  }, 150_000);
});

import { buildMonitoringManifests } from './monitoringManifests';
import { parseMonitoringInput } from './monitoringInput';
import {
  buildMonitoringSecrets,
  monitoringSecretProblems,
} from './monitoringSecrets';
import {
  MONITORING_TASK_SECRETS,
  monitoringDraft,
} from './monitoringTestInputs';
import { HelmReleaseManifest } from '../manifests/types';

function describeObjects(objects: Array<{ kind: string; metadata: object }>) {
  return objects.map(({ kind, metadata }) => {
    const { name, namespace } = metadata as {
      name: string;
      namespace?: string;
    };
    return `${kind} ${namespace ? `${namespace}/` : ''}${name}`;
  });
}

function release(objects: object[], name: string): HelmReleaseManifest {
  return objects.find(
    o =>
      (o as HelmReleaseManifest).kind === 'HelmRelease' &&
      (o as HelmReleaseManifest).metadata.name === name,
  ) as HelmReleaseManifest;
}

describe('buildMonitoringManifests', () => {
  const input = parseMonitoringInput(
    monitoringDraft({
      prometheus: {
        retention: '30d',
        retentionSize: '45GB',
        storageSize: '60Gi',
      },
      storageClassName: 'fast-ssd',
    }),
  );
  const secrets = buildMonitoringSecrets(input, MONITORING_TASK_SECRETS);
  const objects = buildMonitoringManifests(input, secrets);

  it('builds the stack, the Secrets from task secrets, the PodMonitor, rules and dashboards', () => {
    expect(describeObjects(objects)).toEqual([
      'Namespace monitoring',
      'HelmRepository flux-system/prometheus-community',
      'HelmRelease flux-system/kube-prometheus-stack',
      'Secret monitoring/hubspoke-alertmanager-receivers',
      'Secret monitoring/hubspoke-grafana-admin',
      'PodMonitor monitoring/flux-system',
      'PrometheusRule monitoring/hubspoke-hub',
      'ConfigMap monitoring/hubspoke-hub-overview-dashboard',
      'ConfigMap monitoring/hubspoke-flux-dashboard',
      'ConfigMap monitoring/hubspoke-tenants-dashboard',
    ]);
  });

  it('pins kube-prometheus-stack and lets the chart manage the CRDs, impersonating helm-controller', () => {
    const { spec } = release(objects, 'kube-prometheus-stack');
    expect(spec).toMatchObject({
      releaseName: 'kube-prometheus-stack',
      targetNamespace: 'monitoring',
      storageNamespace: 'monitoring',
      serviceAccountName: 'helm-controller',
      chart: {
        spec: {
          chart: 'kube-prometheus-stack',
          version: '77.6.0',
          sourceRef: { kind: 'HelmRepository', name: 'prometheus-community' },
        },
      },
      install: { crds: 'Create' },
      upgrade: { crds: 'CreateReplace' },
    });
  });

  it('sets retention, storage, the routing and the receivers Secret in the values', () => {
    const values = release(objects, 'kube-prometheus-stack').spec.values as any;
    expect(values.prometheus.prometheusSpec).toMatchObject({
      retention: '30d',
      retentionSize: '45GB',
      storageSpec: {
        volumeClaimTemplate: {
          spec: {
            storageClassName: 'fast-ssd',
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: '60Gi' } },
          },
        },
      },
      ruleSelectorNilUsesHelmValues: false,
      podMonitorSelectorNilUsesHelmValues: false,
    });
    expect(values.alertmanager.alertmanagerSpec.secrets).toEqual([
      'hubspoke-alertmanager-receivers',
    ]);
    expect(values.alertmanager.config.route.routes[1]).toEqual({
      receiver: 'payments-hook',
      matchers: ['tenant="payments"', 'severity=~"critical|warning"'],
    });
    expect(values.grafana.admin.existingSecret).toBe('hubspoke-grafana-admin');
    expect(values.grafana.sidecar.dashboards).toEqual({
      enabled: true,
      label: 'grafana_dashboard',
      labelValue: '1',
    });
  });

  it("configures kube-state-metrics' gotk_resource_info for Flux's stored API versions and the tenant label", () => {
    const ksm = (release(objects, 'kube-prometheus-stack').spec.values as any)[
      'kube-state-metrics'
    ];
    expect(ksm.metricLabelsAllowlist).toEqual([
      'namespaces=[toolkit.fluxcd.io/tenant]',
    ]);
    const kinds = ksm.customResourceState.config.spec.resources.map(
      (r: any) =>
        `${r.groupVersionKind.group}/${r.groupVersionKind.version} ${r.groupVersionKind.kind}`,
    );
    expect(kinds).toEqual([
      'kustomize.toolkit.fluxcd.io/v1 Kustomization',
      'helm.toolkit.fluxcd.io/v2 HelmRelease',
      'source.toolkit.fluxcd.io/v1 GitRepository',
      'source.toolkit.fluxcd.io/v1 OCIRepository',
      'source.toolkit.fluxcd.io/v1 HelmRepository',
      'source.toolkit.fluxcd.io/v1 HelmChart',
      'source.toolkit.fluxcd.io/v1 Bucket',
      'notification.toolkit.fluxcd.io/v1beta3 Alert',
      'notification.toolkit.fluxcd.io/v1beta3 Provider',
      'notification.toolkit.fluxcd.io/v1 Receiver',
    ]);
    const [kustomization] = ksm.customResourceState.config.spec.resources;
    expect(kustomization.metricNamePrefix).toBe('gotk');
    expect(kustomization.metrics[0].name).toBe('resource_info');
    expect(kustomization.metrics[0].labelsFromPath).toMatchObject({
      exported_namespace: ['metadata', 'namespace'],
      ready: ['status', 'conditions', '[type=Ready]', 'status'],
      suspended: ['spec', 'suspend'],
    });
    expect(ksm.rbac.extraRules[0].verbs).toEqual(['list', 'watch']);
  });

  it('labels the namespace privileged for node-exporter and as the role tenants admit scrapes from', () => {
    expect(objects[0].metadata.labels).toEqual({
      'app.kubernetes.io/managed-by': 'hubspoke',
      'hubspoke.io/role': 'monitoring',
      'pod-security.kubernetes.io/enforce': 'privileged',
    });
  });

  it('scrapes the Flux controllers on http-prom in Flux namespace', () => {
    const podMonitor = objects.find(o => o.kind === 'PodMonitor') as any;
    expect(podMonitor.spec).toEqual({
      namespaceSelector: { matchNames: ['flux-system'] },
      selector: {
        matchExpressions: [
          {
            key: 'app',
            operator: 'In',
            values: [
              'source-controller',
              'kustomize-controller',
              'helm-controller',
              'notification-controller',
            ],
          },
        ],
      },
      podMetricsEndpoints: [{ port: 'http-prom' }],
    });
  });

  it('adds Loki, the log collector and Tempo only when asked, with Grafana data sources', () => {
    const full = parseMonitoringInput(
      monitoringDraft({
        logging: { enabled: true, retention: '14d' },
        tracing: { enabled: true, retention: '48h' },
      }),
    );
    const all = buildMonitoringManifests(full);
    expect(describeObjects(all).filter(d => d.startsWith('Helm'))).toEqual([
      'HelmRepository flux-system/prometheus-community',
      'HelmRepository flux-system/grafana',
      'HelmRepository flux-system/open-telemetry',
      'HelmRelease flux-system/kube-prometheus-stack',
      'HelmRelease flux-system/loki',
      'HelmRelease flux-system/log-collector',
      'HelmRelease flux-system/tempo',
    ]);
    expect(release(all, 'loki').spec.chart.spec.version).toBe('6.29.0');
    expect(
      (release(all, 'loki').spec.values as any).loki.limits_config,
    ).toEqual({
      retention_period: '14d',
    });
    expect((release(all, 'tempo').spec.values as any).tempo.retention).toBe(
      '48h',
    );
    const collector = release(all, 'log-collector');
    expect(collector.spec.dependsOn).toEqual([{ name: 'loki' }]);
    expect((collector.spec.values as any).config.service.pipelines).toEqual({
      logs: { exporters: ['otlphttp/loki'] },
      traces: { exporters: ['otlp/tempo'] },
    });
    expect(
      (release(all, 'kube-prometheus-stack').spec.values as any).grafana
        .additionalDataSources,
    ).toEqual([
      expect.objectContaining({
        type: 'loki',
        url: 'http://loki-gateway.monitoring.svc',
      }),
      expect.objectContaining({
        type: 'tempo',
        url: 'http://tempo.monitoring.svc:3100',
      }),
    ]);
  });
});

describe('monitoring secrets', () => {
  const input = parseMonitoringInput(monitoringDraft());

  it('puts each receiver credential under its receiver name, base64 encoded', () => {
    const [receivers, grafana] = buildMonitoringSecrets(
      input,
      MONITORING_TASK_SECRETS,
    );
    const decoded = (data: Record<string, string>) =>
      Object.fromEntries(Object.entries(data).map(([k, v]) => [k, atob(v)]));
    expect(decoded(receivers.data)).toEqual({
      'platform-pager': 'pd-routing-key-0123',
      'platform-chat':
        'https://hooks.slack.example.com/services/T000/B000/XXXX',
      'payments-hook': 'payments-bearer-token',
    });
    expect(decoded(grafana.data)).toEqual({
      'admin-user': 'admin',
      'admin-password': 'grafana-admin-secret',
    });
  });

  it('names the field of a missing or malformed task secret without its value', () => {
    const problems = monitoringSecretProblems(input, {
      pagerdutyKey: 'key',
      slackPlatform: 'not-a-url-secret-value',
    });
    expect(problems).toEqual([
      'alerting.receivers.1.secret: task secret "slackPlatform" must hold the Slack webhook URL (http:// or https://)',
      'alerting.receivers.2.secret: task secret "paymentsToken" is not set; add it to the task\'s secrets',
    ]);
    expect(problems.join()).not.toContain('not-a-url-secret-value');
  });

  it('leaves out the Grafana Secret without its task secret', () => {
    const { grafanaAdminPassword, ...rest } = MONITORING_TASK_SECRETS;
    expect(
      buildMonitoringSecrets(input, rest).map(s => s.metadata.name),
    ).toEqual(['hubspoke-alertmanager-receivers']);
  });
});

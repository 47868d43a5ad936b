import { buildAlertmanagerConfig } from './alertmanagerConfig';
import {
  GRAFANA_DASHBOARD_LABEL,
  GRAFANA_DASHBOARD_LABEL_VALUE,
} from './dashboards/dashboardConfigMaps';
import { fluxStateMetricsValues } from './fluxStateMetrics';
import { helmRelease, volumeClaimSpec } from './helmReleases';
import { grafanaDatasources } from './loggingTracing';
import { MONITORING_CHARTS } from './monitoringCharts';
import { MonitoringInput } from './monitoringInput';
import {
  ALERTMANAGER_RECEIVERS_SECRET,
  alertmanagerSecretsDir,
  GRAFANA_ADMIN_SECRET,
  needsReceiversSecret,
} from './monitoringSecrets';
import { HelmReleaseManifest } from '../manifests/types';

/** The release name, which also prefixes the chart's objects (e.g. kube-prometheus-stack-alertmanager). */
export const KUBE_PROMETHEUS_STACK_RELEASE = 'kube-prometheus-stack';

function prometheusValues(input: MonitoringInput) {
  const { retention, retentionSize, storageSize } = input.prometheus;
  return {
    prometheusSpec: {
      retention,
      ...(retentionSize && { retentionSize }),
      storageSpec: {
        volumeClaimTemplate: { spec: volumeClaimSpec(input, storageSize) },
      },
      // Select PodMonitors, ServiceMonitors and rules without the chart's release label,
      // so the hub's PodMonitor and PrometheusRule are picked up.
      podMonitorSelectorNilUsesHelmValues: false,
      serviceMonitorSelectorNilUsesHelmValues: false,
      ruleSelectorNilUsesHelmValues: false,
    },
  };
}

function alertmanagerValues(input: MonitoringInput) {
  const withSecret = needsReceiversSecret(input);
  return {
    config: buildAlertmanagerConfig(input.alerting, {
      secretsDir: alertmanagerSecretsDir(ALERTMANAGER_RECEIVERS_SECRET),
    }),
    alertmanagerSpec: {
      ...(withSecret && { secrets: [ALERTMANAGER_RECEIVERS_SECRET] }),
      storage: {
        volumeClaimTemplate: { spec: volumeClaimSpec(input, '2Gi') },
      },
    },
  };
}

function grafanaValues(input: MonitoringInput) {
  const datasources = grafanaDatasources(input);
  return {
    admin: {
      existingSecret: GRAFANA_ADMIN_SECRET,
      userKey: 'admin-user',
      passwordKey: 'admin-password',
    },
    sidecar: {
      dashboards: {
        enabled: true,
        label: GRAFANA_DASHBOARD_LABEL,
        labelValue: GRAFANA_DASHBOARD_LABEL_VALUE,
      },
    },
    ...(datasources.length > 0 && { additionalDataSources: datasources }),
  };
}

/**
 * kube-prometheus-stack at its pinned version: the chart installs the Prometheus
 * Operator's CRDs and replaces them on upgrades, as flux2-monitoring-example does.
 */
export function kubePrometheusStackRelease(
  input: MonitoringInput,
): HelmReleaseManifest {
  return helmRelease(input, {
    name: KUBE_PROMETHEUS_STACK_RELEASE,
    chart: MONITORING_CHARTS.kubePrometheusStack,
    crds: { install: 'Create', upgrade: 'CreateReplace' },
    values: {
      prometheus: prometheusValues(input),
      alertmanager: alertmanagerValues(input),
      grafana: grafanaValues(input),
      'kube-state-metrics': fluxStateMetricsValues(),
    },
  });
}

/** A Helm chart at a pinned version and the repository it comes from. */
export interface PinnedChart {
  /** Name of the HelmRepository object (and of the repository in `helm repo add`). */
  repository: string;
  url: string;
  chart: string;
  version: string;
}

const PROMETHEUS_COMMUNITY = {
  repository: 'prometheus-community',
  url: 'https://prometheus-community.github.io/helm-charts',
};
const GRAFANA = {
  repository: 'grafana',
  url: 'https://grafana.github.io/helm-charts',
};
const OPEN_TELEMETRY = {
  repository: 'open-telemetry',
  url: 'https://open-telemetry.github.io/opentelemetry-helm-charts',
};

/**
 * The charts `hub:monitoring:install` installs. kube-prometheus-stack 77.6.0 ships the
 * Prometheus Operator v0.85.0, whose CRDs hub-node generates for `installCrds`.
 */
export const MONITORING_CHARTS = {
  kubePrometheusStack: {
    ...PROMETHEUS_COMMUNITY,
    chart: 'kube-prometheus-stack',
    version: '77.6.0',
  },
  loki: { ...GRAFANA, chart: 'loki', version: '6.29.0' },
  tempo: { ...GRAFANA, chart: 'tempo', version: '1.10.1' },
  openTelemetryCollector: {
    ...OPEN_TELEMETRY,
    chart: 'opentelemetry-collector',
    version: '0.115.0',
  },
} satisfies Record<string, PinnedChart>;

/** The Prometheus Operator release kube-prometheus-stack's pinned version ships. */
export const PROMETHEUS_OPERATOR_VERSION = 'v0.85.0';

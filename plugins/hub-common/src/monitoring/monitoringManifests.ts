import { FLUX_COMPONENTS } from '../manifests/fluxInstallInput';
import { HUB_ROLE_LABEL } from '../manifests/networkPolicySpecs';
import {
  HelmReleaseManifest,
  HelmRepositoryManifest,
  NamespaceManifest,
  SecretManifest,
} from '../manifests/types';
import { buildDashboardConfigMaps } from './dashboards/dashboardConfigMaps';
import { helmRepositories } from './helmReleases';
import { buildHubPrometheusRule } from './hubPrometheusRule';
import { kubePrometheusStackRelease } from './kubePrometheusStack';
import { loggingTracingCharts, loggingTracingReleases } from './loggingTracing';
import { MONITORING_CHARTS } from './monitoringCharts';
import { MonitoringInput } from './monitoringInput';
import {
  ConfigMapManifest,
  PodMonitorManifest,
  PrometheusRuleManifest,
} from './monitoringTypes';

/** Any object `hub:monitoring:install` builds. */
export type MonitoringManifest =
  | NamespaceManifest
  | SecretManifest
  | HelmRepositoryManifest
  | HelmReleaseManifest
  | PodMonitorManifest
  | PrometheusRuleManifest
  | ConfigMapManifest;

const MANAGED = { 'app.kubernetes.io/managed-by': 'hubspoke' };

/**
 * The monitoring namespace. node-exporter (host network and PID namespace) and the log
 * collector (host paths) need the privileged Pod Security level; the role label is what
 * tenant NetworkPolicies admit scrapes from.
 */
export function monitoringNamespace(input: MonitoringInput): NamespaceManifest {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: input.namespace,
      labels: {
        ...MANAGED,
        [HUB_ROLE_LABEL]: 'monitoring',
        'pod-security.kubernetes.io/enforce': 'privileged',
      },
    },
  };
}

/** Scrapes the Flux controllers' metrics port, as flux2-monitoring-example does. */
export function fluxPodMonitor(input: MonitoringInput): PodMonitorManifest {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: {
      name: 'flux-system',
      namespace: input.namespace,
      labels: { ...MANAGED, 'app.kubernetes.io/part-of': 'flux' },
    },
    spec: {
      namespaceSelector: { matchNames: [input.fluxNamespace] },
      selector: {
        matchExpressions: [
          { key: 'app', operator: 'In', values: [...FLUX_COMPONENTS] },
        ],
      },
      podMetricsEndpoints: [{ port: 'http-prom' }],
    },
  };
}

/** What Flux installs first: the namespace, the chart sources and the releases. */
export function buildMonitoringControllers(
  input: MonitoringInput,
): Array<NamespaceManifest | HelmRepositoryManifest | HelmReleaseManifest> {
  return [
    monitoringNamespace(input),
    ...helmRepositories(input, [
      MONITORING_CHARTS.kubePrometheusStack,
      ...loggingTracingCharts(input),
    ]),
    kubePrometheusStackRelease(input),
    ...loggingTracingReleases(input),
  ];
}

/** What needs the Prometheus Operator's CRDs: the PodMonitor, the rules, the dashboards. */
export function buildMonitoringConfigs(
  input: MonitoringInput,
): Array<PodMonitorManifest | PrometheusRuleManifest | ConfigMapManifest> {
  return [
    fluxPodMonitor(input),
    buildHubPrometheusRule(input),
    ...(input.dashboards ? buildDashboardConfigMaps(input) : []),
  ];
}

/** Every object of the installation, with the Secrets built from task secrets. */
export function buildMonitoringManifests(
  input: MonitoringInput,
  secrets: SecretManifest[] = [],
): MonitoringManifest[] {
  return [
    ...buildMonitoringControllers(input),
    ...secrets,
    ...buildMonitoringConfigs(input),
  ];
}

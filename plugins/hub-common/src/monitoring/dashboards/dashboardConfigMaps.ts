import { MonitoringInput } from '../monitoringInput';
import { ConfigMapManifest } from '../monitoringTypes';
import { fluxDashboard } from './fluxDashboard';
import { GrafanaDashboard } from './grafanaDashboard';
import { hubOverviewDashboard } from './hubOverviewDashboard';
import { tenantsDashboard } from './tenantsDashboard';

/** The label Grafana's dashboard sidecar looks for, and its value. */
export const GRAFANA_DASHBOARD_LABEL = 'grafana_dashboard';
export const GRAFANA_DASHBOARD_LABEL_VALUE = '1';

/** The hub's dashboards: overview, Flux and tenants. */
export function buildHubDashboards(input: MonitoringInput): GrafanaDashboard[] {
  return [hubOverviewDashboard(input), fluxDashboard(), tenantsDashboard()];
}

/** One ConfigMap per dashboard, labelled for the sidecar, with the JSON under `<uid>.json`. */
export function buildDashboardConfigMaps(
  input: MonitoringInput,
): ConfigMapManifest[] {
  return buildHubDashboards(input).map(board => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: `${board.uid}-dashboard`,
      namespace: input.namespace,
      labels: {
        'app.kubernetes.io/managed-by': 'hubspoke',
        [GRAFANA_DASHBOARD_LABEL]: GRAFANA_DASHBOARD_LABEL_VALUE,
      },
    },
    data: { [`${board.uid}.json`]: `${JSON.stringify(board, null, 2)}\n` },
  }));
}

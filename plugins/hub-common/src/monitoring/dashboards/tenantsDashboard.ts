import { TENANT_LABEL } from '../alertmanagerConfig';
import { NAMESPACE_TENANT_SERIES } from '../fluxRules';
import {
  dashboard,
  GrafanaDashboard,
  GrafanaTemplateVariable,
  PanelDraft,
  PROMETHEUS_DATASOURCE,
  redFrom,
} from './grafanaDashboard';

const SELECTED = `${NAMESPACE_TENANT_SERIES}{${TENANT_LABEL}=~"$tenant"}`;

/** `series` of the selected tenants' namespaces, each with its tenant label. */
function perTenant(series: string, joinOn = 'namespace'): string {
  return `${series} * on (${joinOn}) group_left (${TENANT_LABEL}) ${SELECTED}`;
}

const TENANT_VARIABLE: GrafanaTemplateVariable = {
  name: 'tenant',
  label: 'Tenant',
  type: 'query',
  datasource: PROMETHEUS_DATASOURCE,
  query: {
    query: `label_values(${NAMESPACE_TENANT_SERIES}, ${TENANT_LABEL})`,
    refId: 'tenants',
  },
  refresh: 2,
  includeAll: true,
  multi: true,
  allValue: '.+',
  hide: 0,
};

function stat(title: string, description: string, expr: string): PanelDraft {
  return {
    type: 'stat',
    title,
    description,
    width: 6,
    height: 4,
    queries: [{ expr }],
  };
}

function byTenant(
  title: string,
  description: string,
  expr: string,
  unit: string,
): PanelDraft {
  return {
    type: 'timeseries',
    title,
    description,
    width: 12,
    height: 8,
    queries: [{ expr, legend: `{{${TENANT_LABEL}}}` }],
    unit,
  };
}

function quotaUsed(resource: string): string {
  const quota = (type: string) =>
    `sum by (${TENANT_LABEL}) (${perTenant(
      `kube_resourcequota{type="${type}",resource="${resource}"}`,
    )})`;
  return `${quota('used')} / ${quota('hard')}`;
}

/** Each tenant's namespaces (label toolkit.fluxcd.io/tenant): usage, quota, Flux, alerts. */
export function tenantsDashboard(): GrafanaDashboard {
  return dashboard({
    uid: 'hubspoke-tenants',
    title: 'Hubspoke / Tenants',
    description:
      'Per tenant: resource use against quota, Flux objects and alerts, from the namespaces labelled toolkit.fluxcd.io/tenant',
    variables: [TENANT_VARIABLE],
    panels: [
      stat(
        'Tenants',
        'Tenants with at least one namespace',
        `count(count by (${TENANT_LABEL}) (${SELECTED}))`,
      ),
      stat(
        'Tenant namespaces',
        'Namespaces of the selected tenants',
        `count(${SELECTED})`,
      ),
      {
        ...stat(
          'Flux objects not ready',
          "Flux objects in the selected tenants' namespaces whose Ready condition is False",
          `count(${perTenant(
            'gotk_resource_info{ready="False"}',
            'exported_namespace',
          )}) or vector(0)`,
        ),
        thresholds: redFrom(1),
      },
      {
        ...stat(
          'Alerts firing',
          'Alerts labelled with one of the selected tenants',
          `count(ALERTS{alertstate="firing",${TENANT_LABEL}=~"$tenant"}) or vector(0)`,
        ),
        thresholds: redFrom(1),
      },
      byTenant(
        'CPU by tenant',
        'CPU cores the containers of each tenant use',
        `sum by (${TENANT_LABEL}) (${perTenant(
          'rate(container_cpu_usage_seconds_total{container!=""}[$__rate_interval])',
        )})`,
        'short',
      ),
      byTenant(
        'Memory by tenant',
        'Working set memory of the containers of each tenant',
        `sum by (${TENANT_LABEL}) (${perTenant(
          'container_memory_working_set_bytes{container!=""}',
        )})`,
        'bytes',
      ),
      byTenant(
        'CPU limits quota used',
        "Share of each tenant's ResourceQuota for limits.cpu in use",
        quotaUsed('limits.cpu'),
        'percentunit',
      ),
      byTenant(
        'Running pods by tenant',
        'Pods in phase Running per tenant',
        `sum by (${TENANT_LABEL}) (${perTenant(
          'kube_pod_status_phase{phase="Running"}',
        )})`,
        'short',
      ),
      {
        type: 'table',
        title: 'Flux objects of the tenants',
        description:
          "Each Flux object in the selected tenants' namespaces, with its readiness and revision",
        width: 24,
        height: 8,
        queries: [
          {
            expr: perTenant('gotk_resource_info', 'exported_namespace'),
          },
        ],
      },
    ],
  });
}

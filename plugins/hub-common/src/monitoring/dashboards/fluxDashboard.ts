import {
  dashboard,
  GrafanaDashboard,
  PanelDraft,
  redFrom,
} from './grafanaDashboard';

const SOURCE_KINDS =
  'GitRepository|OCIRepository|HelmRepository|HelmChart|Bucket';

function notReady(title: string, kindMatcher: string): PanelDraft {
  return {
    type: 'stat',
    title,
    description: `${title}: Ready condition False (kube-state-metrics gotk_resource_info)`,
    width: 6,
    height: 4,
    queries: [
      {
        expr: `count(gotk_resource_info{${kindMatcher},ready="False"}) or vector(0)`,
      },
    ],
    thresholds: redFrom(1),
  };
}

function timeseries(
  title: string,
  description: string,
  expr: string,
  legend: string,
  unit?: string,
): PanelDraft {
  return {
    type: 'timeseries',
    title,
    description,
    width: 12,
    height: 8,
    queries: [{ expr, legend }],
    unit,
  };
}

/** Flux on the hub: what is not ready or suspended, and how the controllers keep up. */
export function fluxDashboard(): GrafanaDashboard {
  return dashboard({
    uid: 'hubspoke-flux',
    title: 'Hubspoke / Flux',
    description:
      "Flux's objects on the hub (kube-state-metrics) and its controllers (PodMonitor flux-system)",
    panels: [
      notReady(
        'Kustomizations not ready',
        'customresource_kind="Kustomization"',
      ),
      notReady('HelmReleases not ready', 'customresource_kind="HelmRelease"'),
      notReady('Sources not ready', `customresource_kind=~"${SOURCE_KINDS}"`),
      {
        type: 'stat',
        title: 'Suspended objects',
        description: 'Flux objects with spec.suspend: true',
        width: 6,
        height: 4,
        queries: [
          { expr: 'count(gotk_resource_info{suspended="true"}) or vector(0)' },
        ],
        thresholds: redFrom(1),
      },
      {
        type: 'table',
        title: 'Objects not ready or suspended',
        description:
          'Each Flux object that is not Ready or is suspended, with its revision',
        width: 24,
        height: 8,
        queries: [
          {
            expr: 'gotk_resource_info{ready="False"} or gotk_resource_info{suspended="true"}',
          },
        ],
      },
      timeseries(
        'Reconciliation duration (p95) by kind',
        "How long the controllers take per reconciliation (the controllers' own histogram)",
        'histogram_quantile(0.95, sum by (kind, le) (rate(gotk_reconcile_duration_seconds_bucket[$__rate_interval])))',
        '{{kind}}',
        's',
      ),
      timeseries(
        'Reconciliations per second by kind',
        'How often each kind is reconciled',
        'sum by (kind) (rate(gotk_reconcile_duration_seconds_count[$__rate_interval]))',
        '{{kind}}',
        'ops',
      ),
      timeseries(
        'Reconcile errors by controller',
        'Errors returned by the reconcilers (controller-runtime)',
        'sum by (controller) (rate(controller_runtime_reconcile_errors_total[$__rate_interval]))',
        '{{controller}}',
        'ops',
      ),
      timeseries(
        'Work queue depth by controller',
        'Objects waiting for a reconciler; a growing queue means Flux falls behind',
        'sum by (controller) (workqueue_depth{controller!=""})',
        '{{controller}}',
      ),
    ],
  });
}

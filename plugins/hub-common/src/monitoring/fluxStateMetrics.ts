/**
 * kube-state-metrics' customResourceState for the Flux kinds hub:flux:install serves, as
 * fluxcd/flux2-monitoring-example configures it, with the API versions Flux v2.9 stores:
 * one `gotk_resource_info` series per object with its Ready status, whether it is
 * suspended and its revision.
 */

interface FluxKind {
  group: string;
  version: string;
  kind: string;
  plural: string;
  /** Labels beyond the common ones, as paths into the object. */
  extraLabels: Record<string, string[]>;
  /** Alerts and Providers (v1beta3) have no Ready condition. */
  withoutReady?: boolean;
}

const ARTIFACT_REVISION = { revision: ['status', 'artifact', 'revision'] };

const FLUX_KINDS: FluxKind[] = [
  {
    group: 'kustomize.toolkit.fluxcd.io',
    version: 'v1',
    kind: 'Kustomization',
    plural: 'kustomizations',
    extraLabels: {
      revision: ['status', 'lastAppliedRevision'],
      source_name: ['spec', 'sourceRef', 'name'],
    },
  },
  {
    group: 'helm.toolkit.fluxcd.io',
    version: 'v2',
    kind: 'HelmRelease',
    plural: 'helmreleases',
    extraLabels: {
      revision: ['status', 'history', '0', 'chartVersion'],
      chart_name: ['status', 'history', '0', 'chartName'],
      chart_app_version: ['status', 'history', '0', 'appVersion'],
      chart_source_name: ['spec', 'chart', 'spec', 'sourceRef', 'name'],
    },
  },
  {
    group: 'source.toolkit.fluxcd.io',
    version: 'v1',
    kind: 'GitRepository',
    plural: 'gitrepositories',
    extraLabels: { ...ARTIFACT_REVISION, url: ['spec', 'url'] },
  },
  {
    group: 'source.toolkit.fluxcd.io',
    version: 'v1',
    kind: 'OCIRepository',
    plural: 'ocirepositories',
    extraLabels: { ...ARTIFACT_REVISION, url: ['spec', 'url'] },
  },
  {
    group: 'source.toolkit.fluxcd.io',
    version: 'v1',
    kind: 'HelmRepository',
    plural: 'helmrepositories',
    extraLabels: { ...ARTIFACT_REVISION, url: ['spec', 'url'] },
  },
  {
    group: 'source.toolkit.fluxcd.io',
    version: 'v1',
    kind: 'HelmChart',
    plural: 'helmcharts',
    extraLabels: {
      ...ARTIFACT_REVISION,
      chart_name: ['spec', 'chart'],
      chart_version: ['spec', 'version'],
    },
  },
  {
    group: 'source.toolkit.fluxcd.io',
    version: 'v1',
    kind: 'Bucket',
    plural: 'buckets',
    extraLabels: {
      ...ARTIFACT_REVISION,
      endpoint: ['spec', 'endpoint'],
      bucket_name: ['spec', 'bucketName'],
    },
  },
  {
    group: 'notification.toolkit.fluxcd.io',
    version: 'v1beta3',
    kind: 'Alert',
    plural: 'alerts',
    extraLabels: {},
    withoutReady: true,
  },
  {
    group: 'notification.toolkit.fluxcd.io',
    version: 'v1beta3',
    kind: 'Provider',
    plural: 'providers',
    extraLabels: {},
    withoutReady: true,
  },
  {
    group: 'notification.toolkit.fluxcd.io',
    version: 'v1',
    kind: 'Receiver',
    plural: 'receivers',
    extraLabels: { webhook_path: ['status', 'webhookPath'] },
  },
];

function resource({
  group,
  version,
  kind,
  extraLabels,
  withoutReady,
}: FluxKind) {
  return {
    groupVersionKind: { group, version, kind },
    metricNamePrefix: 'gotk',
    metrics: [
      {
        name: 'resource_info',
        help: 'The current state of a Flux object.',
        each: {
          type: 'Info',
          info: { labelsFromPath: { name: ['metadata', 'name'] } },
        },
        labelsFromPath: {
          exported_namespace: ['metadata', 'namespace'],
          ...(!withoutReady && {
            ready: ['status', 'conditions', '[type=Ready]', 'status'],
          }),
          suspended: ['spec', 'suspend'],
          ...extraLabels,
        },
      },
    ],
  };
}

/** The kube-state-metrics chart values that produce gotk_resource_info and the tenant label. */
export function fluxStateMetricsValues(): Record<string, unknown> {
  return {
    // The namespace label that tells a tenant's namespaces, as label_toolkit_fluxcd_io_tenant.
    metricLabelsAllowlist: ['namespaces=[toolkit.fluxcd.io/tenant]'],
    rbac: {
      extraRules: [
        {
          apiGroups: [...new Set(FLUX_KINDS.map(kind => kind.group))],
          resources: FLUX_KINDS.map(kind => kind.plural),
          verbs: ['list', 'watch'],
        },
      ],
    },
    customResourceState: {
      enabled: true,
      config: { spec: { resources: FLUX_KINDS.map(resource) } },
    },
  };
}

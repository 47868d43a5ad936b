import {
  HelmCrdPolicy,
  HelmReleaseManifest,
  HelmRepositoryManifest,
  NamespacedObjectMeta,
} from '../manifests/types';
import { PinnedChart } from './monitoringCharts';
import { MonitoringInput } from './monitoringInput';

/**
 * The account helm-controller impersonates for the monitoring releases. Under Flux's
 * multi-tenancy lockdown a HelmRelease without one runs as `default`, which may do
 * nothing; `flux install` binds helm-controller to cluster-admin, which the charts'
 * CRDs and cluster roles need.
 */
export const MONITORING_RELEASE_ACCOUNT = 'helm-controller';

function fluxMeta(input: MonitoringInput, name: string): NamespacedObjectMeta {
  return {
    name,
    namespace: input.fluxNamespace,
    labels: {
      'app.kubernetes.io/managed-by': 'hubspoke',
      'app.kubernetes.io/part-of': 'hubspoke-monitoring',
    },
  };
}

/**
 * The HelmRepository of a chart. It lives beside the HelmReleases in Flux's namespace,
 * because the lockdown refuses cross-namespace source references.
 */
export function helmRepository(
  input: MonitoringInput,
  chart: PinnedChart,
): HelmRepositoryManifest {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
    metadata: fluxMeta(input, chart.repository),
    spec: { interval: '24h', url: chart.url },
  };
}

/** One HelmRepository per distinct repository of the charts. */
export function helmRepositories(
  input: MonitoringInput,
  charts: PinnedChart[],
): HelmRepositoryManifest[] {
  const seen = new Set<string>();
  return charts
    .filter(chart => !seen.has(chart.repository) && seen.add(chart.repository))
    .map(chart => helmRepository(input, chart));
}

export interface ReleaseOptions {
  name: string;
  chart: PinnedChart;
  values: Record<string, unknown>;
  /** What to do with the chart's CRDs; charts without CRDs leave it out. */
  crds?: { install: HelmCrdPolicy; upgrade: HelmCrdPolicy };
  dependsOn?: string[];
}

/**
 * A HelmRelease in Flux's namespace that installs `chart` into the monitoring
 * namespace under `name`, keeping Helm's release records there too.
 */
export function helmRelease(
  input: MonitoringInput,
  { name, chart, values, crds, dependsOn }: ReleaseOptions,
): HelmReleaseManifest {
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: fluxMeta(input, name),
    spec: {
      interval: '1h',
      releaseName: name,
      targetNamespace: input.namespace,
      storageNamespace: input.namespace,
      serviceAccountName: MONITORING_RELEASE_ACCOUNT,
      chart: {
        spec: {
          chart: chart.chart,
          version: chart.version,
          sourceRef: { kind: 'HelmRepository', name: chart.repository },
          interval: '12h',
        },
      },
      install: {
        ...(crds && { crds: crds.install }),
        remediation: { retries: 3 },
      },
      upgrade: {
        ...(crds && { crds: crds.upgrade }),
        remediation: { retries: 3 },
      },
      ...(dependsOn && {
        dependsOn: dependsOn.map(dependency => ({ name: dependency })),
      }),
      values,
    },
  };
}

/** A PersistentVolumeClaim spec of `size`, in the chosen StorageClass or the default one. */
export function volumeClaimSpec(input: MonitoringInput, size: string) {
  return {
    ...(input.storageClassName && {
      storageClassName: input.storageClassName,
    }),
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: size } },
  };
}

import { BackupInput } from './backupInput';
import {
  HelmReleaseManifest,
  HelmRepositoryManifest,
} from '../manifests/types';
import { backupLabels } from './backupLabels';

/**
 * The Velero release installed, and the chart and plugin that go with it. Chart 12.1.0
 * of vmware-tanzu/helm-charts ships Velero 1.18; the image is pinned to v1.18.3, the
 * module the CRDs are generated from (hub-node's generate-velero-crds.mts), and
 * velero-plugin-for-aws v1.14.3 is built against Velero v1.18.1 (its go.mod).
 */
export const VELERO_VERSION = 'v1.18.3';
export const VELERO_CHART_VERSION = '12.1.0';
export const VELERO_AWS_PLUGIN_IMAGE = 'velero/velero-plugin-for-aws:v1.14.3';
export const VELERO_CHART_REPOSITORY =
  'https://vmware-tanzu.github.io/helm-charts';

/** The Secret with the object store credentials, and its key, as the chart mounts it. */
export const VELERO_CREDENTIALS_SECRET = 'velero-credentials';
export const VELERO_CREDENTIALS_KEY = 'cloud';

export function veleroHelmRepository(
  input: BackupInput,
): HelmRepositoryManifest {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
    metadata: {
      name: 'vmware-tanzu',
      namespace: input.namespace,
      labels: backupLabels(),
    },
    spec: { url: VELERO_CHART_REPOSITORY, interval: '1h' },
  };
}

/**
 * The chart's values leave the storage location and the CRDs to the objects this
 * action builds, so that they are validated and owned in one place.
 */
function veleroValues(withCredentials: boolean): Record<string, unknown> {
  return {
    image: { repository: 'velero/velero', tag: VELERO_VERSION },
    upgradeCRDs: false,
    initContainers: [
      {
        name: 'velero-plugin-for-aws',
        image: VELERO_AWS_PLUGIN_IMAGE,
        volumeMounts: [{ mountPath: '/target', name: 'plugins' }],
      },
    ],
    configuration: { backupStorageLocation: [], volumeSnapshotLocation: [] },
    snapshotsEnabled: false,
    deployNodeAgent: false,
    credentials: withCredentials
      ? { useSecret: true, existingSecret: VELERO_CREDENTIALS_SECRET }
      : { useSecret: false },
  };
}

export function veleroHelmRelease(
  input: BackupInput,
  options: { withCredentials: boolean },
): HelmReleaseManifest {
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: {
      name: 'velero',
      namespace: input.namespace,
      labels: backupLabels(),
    },
    spec: {
      interval: '30m',
      releaseName: 'velero',
      targetNamespace: input.namespace,
      chart: {
        spec: {
          chart: 'velero',
          version: VELERO_CHART_VERSION,
          sourceRef: { kind: 'HelmRepository', name: 'vmware-tanzu' },
        },
      },
      install: { crds: 'Skip' },
      upgrade: { crds: 'Skip' },
      values: veleroValues(options.withCredentials),
    },
  };
}

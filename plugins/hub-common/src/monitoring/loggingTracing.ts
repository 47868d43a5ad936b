import { helmRelease } from './helmReleases';
import { MONITORING_CHARTS, PinnedChart } from './monitoringCharts';
import { MonitoringInput } from './monitoringInput';
import { HelmReleaseManifest } from '../manifests/types';

export const LOKI_RELEASE = 'loki';
export const LOG_COLLECTOR_RELEASE = 'log-collector';
export const TEMPO_RELEASE = 'tempo';

function serviceUrl(input: MonitoringInput, service: string, port?: number) {
  return `http://${service}.${input.namespace}.svc${port ? `:${port}` : ''}`;
}

/** Loki in one pod (SingleBinary) on a volume, with retention enforced by its compactor. */
function lokiRelease(input: MonitoringInput): HelmReleaseManifest {
  const { retention, storageSize } = input.logging;
  return helmRelease(input, {
    name: LOKI_RELEASE,
    chart: MONITORING_CHARTS.loki,
    values: {
      deploymentMode: 'SingleBinary',
      loki: {
        auth_enabled: false,
        commonConfig: { replication_factor: 1 },
        storage: { type: 'filesystem' },
        schemaConfig: {
          configs: [
            {
              from: '2024-04-01',
              store: 'tsdb',
              object_store: 'filesystem',
              schema: 'v13',
              index: { prefix: 'loki_index_', period: '24h' },
            },
          ],
        },
        limits_config: { retention_period: retention },
        compactor: {
          retention_enabled: true,
          delete_request_store: 'filesystem',
        },
      },
      singleBinary: {
        replicas: 1,
        persistence: {
          size: storageSize,
          ...(input.storageClassName && {
            storageClass: input.storageClassName,
          }),
        },
      },
      read: { replicas: 0 },
      write: { replicas: 0 },
      backend: { replicas: 0 },
      chunksCache: { enabled: false },
      resultsCache: { enabled: false },
    },
  });
}

/**
 * An OpenTelemetry Collector on every node that reads the pods' logs, adds their
 * Kubernetes attributes and sends them to Loki's OTLP endpoint; with tracing it also
 * forwards the traces applications send it to Tempo.
 */
function logCollectorRelease(input: MonitoringInput): HelmReleaseManifest {
  const tracing = input.tracing.enabled;
  return helmRelease(input, {
    name: LOG_COLLECTOR_RELEASE,
    chart: MONITORING_CHARTS.openTelemetryCollector,
    dependsOn: [LOKI_RELEASE],
    values: {
      mode: 'daemonset',
      image: { repository: 'otel/opentelemetry-collector-k8s' },
      presets: {
        logsCollection: { enabled: true },
        kubernetesAttributes: { enabled: true },
      },
      config: {
        exporters: {
          'otlphttp/loki': {
            endpoint: `${serviceUrl(input, 'loki-gateway')}/otlp`,
          },
          ...(tracing && {
            'otlp/tempo': {
              endpoint: `${TEMPO_RELEASE}.${input.namespace}.svc:4317`,
              tls: { insecure: true },
            },
          }),
        },
        service: {
          pipelines: {
            logs: { exporters: ['otlphttp/loki'] },
            ...(tracing && { traces: { exporters: ['otlp/tempo'] } }),
          },
        },
      },
    },
  });
}

/** Tempo in one pod on a volume, receiving OTLP over gRPC (4317) and HTTP (4318). */
function tempoRelease(input: MonitoringInput): HelmReleaseManifest {
  const { retention, storageSize } = input.tracing;
  return helmRelease(input, {
    name: TEMPO_RELEASE,
    chart: MONITORING_CHARTS.tempo,
    values: {
      tempo: {
        retention,
        receivers: {
          otlp: {
            protocols: {
              grpc: { endpoint: '0.0.0.0:4317' },
              http: { endpoint: '0.0.0.0:4318' },
            },
          },
        },
      },
      persistence: {
        enabled: true,
        size: storageSize,
        ...(input.storageClassName && {
          storageClassName: input.storageClassName,
        }),
      },
    },
  });
}

/** The optional logging and tracing releases the input enables. */
export function loggingTracingReleases(
  input: MonitoringInput,
): HelmReleaseManifest[] {
  return [
    ...(input.logging.enabled
      ? [lokiRelease(input), logCollectorRelease(input)]
      : []),
    ...(input.tracing.enabled ? [tempoRelease(input)] : []),
  ];
}

/** The charts of the enabled optional releases. */
export function loggingTracingCharts(input: MonitoringInput): PinnedChart[] {
  return [
    ...(input.logging.enabled
      ? [MONITORING_CHARTS.loki, MONITORING_CHARTS.openTelemetryCollector]
      : []),
    ...(input.tracing.enabled ? [MONITORING_CHARTS.tempo] : []),
  ];
}

/** Grafana data sources for Loki and Tempo, when they are installed. */
export function grafanaDatasources(input: MonitoringInput) {
  return [
    ...(input.logging.enabled
      ? [
          {
            name: 'Loki',
            type: 'loki',
            uid: 'loki',
            access: 'proxy',
            url: serviceUrl(input, 'loki-gateway'),
          },
        ]
      : []),
    ...(input.tracing.enabled
      ? [
          {
            name: 'Tempo',
            type: 'tempo',
            uid: 'tempo',
            access: 'proxy',
            url: serviceUrl(input, TEMPO_RELEASE, 3100),
          },
        ]
      : []),
  ];
}

import bundle from './crds/prometheus-operator-v0.85.0.json';
import { UpstreamManifest } from '../flux/types';

/** The Prometheus Operator CRDs as generated from its Go module (scripts/generate-monitoring-crds.mts). */
export interface PrometheusOperatorCrds {
  version: string;
  module: string;
  /** PodMonitor and PrometheusRule, the kinds hub:monitoring:install creates. */
  crds: UpstreamManifest[];
}

/**
 * The CRDs of the kinds hub:monitoring:install creates, from the operator release that
 * kube-prometheus-stack's pinned version ships, for clusters the chart has not reached yet.
 */
export function prometheusOperatorCrds(): PrometheusOperatorCrds {
  return bundle as unknown as PrometheusOperatorCrds;
}

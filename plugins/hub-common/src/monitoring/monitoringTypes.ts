import { NamespacedObjectMeta } from '../manifests/types';

/**
 * Typed shapes of the objects `hub:monitoring:install` builds. Field names are those of
 * the manifests, so a value can be applied or rendered as is.
 */

export interface PodMonitorManifest {
  apiVersion: 'monitoring.coreos.com/v1';
  kind: 'PodMonitor';
  metadata: NamespacedObjectMeta;
  spec: {
    namespaceSelector: { matchNames: string[] };
    selector: {
      matchExpressions: Array<{
        key: string;
        operator: 'In';
        values: string[];
      }>;
    };
    podMetricsEndpoints: Array<{ port: string }>;
  };
}

export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: { summary: string; description: string };
}

export interface RecordingRule {
  record: string;
  expr: string;
}

export type PrometheusRuleEntry = AlertingRule | RecordingRule;

export interface PrometheusRuleGroup {
  name: string;
  rules: PrometheusRuleEntry[];
}

export interface PrometheusRuleManifest {
  apiVersion: 'monitoring.coreos.com/v1';
  kind: 'PrometheusRule';
  metadata: NamespacedObjectMeta;
  spec: { groups: PrometheusRuleGroup[] };
}

export interface ConfigMapManifest {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  metadata: NamespacedObjectMeta;
  data: Record<string, string>;
}

import { HubArea } from '../checks';
import { AlertSeverity } from './alertingInput';
import { AlertingRule } from './monitoringTypes';

/** The label that ties an alert to the hub area the overview shows it under. */
export const AREA_LABEL = 'hubspoke_area';

/** kube-prometheus-stack's job names for the API servers and etcd members. */
export const APISERVER_JOB = 'job="apiserver"';
export const ETCD_JOB = 'job=~".*etcd.*"';

export interface AlertOptions {
  severity: AlertSeverity;
  area: HubArea;
  for?: string;
  summary: string;
  description: string;
}

/** An alerting rule with the labels every hub alert carries. */
export function alert(
  name: string,
  expr: string,
  { severity, area, for: pending, summary, description }: AlertOptions,
): AlertingRule {
  return {
    alert: name,
    expr,
    ...(pending && { for: pending }),
    labels: { severity, [AREA_LABEL]: area },
    annotations: { summary, description },
  };
}

import { backupRules } from './backupRules';
import {
  apiServerRules,
  certificateRules,
  etcdRules,
  nodeRules,
} from './controlPlaneRules';
import { fluxRules, tenantRecordingRules } from './fluxRules';
import { MonitoringInput } from './monitoringInput';
import {
  AlertingRule,
  PrometheusRuleEntry,
  PrometheusRuleGroup,
  PrometheusRuleManifest,
} from './monitoringTypes';

/** Name of the PrometheusRule that holds the hub's rules. */
export const HUB_PROMETHEUS_RULE = 'hubspoke-hub';

/** The hub's recording and alerting rules, in groups as Prometheus loads them. */
export function buildHubRuleGroups(
  input: MonitoringInput,
): PrometheusRuleGroup[] {
  const backups = backupRules(input);
  return [
    tenantRecordingRules(),
    apiServerRules(),
    certificateRules(),
    etcdRules(),
    fluxRules(),
    ...(backups ? [backups] : []),
    nodeRules(),
  ];
}

export function isAlertingRule(
  rule: PrometheusRuleEntry,
): rule is AlertingRule {
  return 'alert' in rule;
}

/** The distinct alert names of the groups, in order. */
export function alertNames(groups: PrometheusRuleGroup[]): string[] {
  const names = groups.flatMap(group =>
    group.rules.filter(isAlertingRule).map(rule => rule.alert),
  );
  return names.filter((name, index) => names.indexOf(name) === index);
}

export function buildHubPrometheusRule(
  input: MonitoringInput,
): PrometheusRuleManifest {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: {
      name: HUB_PROMETHEUS_RULE,
      namespace: input.namespace,
      labels: {
        'app.kubernetes.io/managed-by': 'hubspoke',
        'app.kubernetes.io/part-of': 'hubspoke-monitoring',
      },
    },
    spec: { groups: buildHubRuleGroups(input) },
  };
}

import { HUB_AREAS } from '../checks';
import { ALERT_SEVERITIES } from './alertingInput';
import {
  alertNames,
  buildHubPrometheusRule,
  buildHubRuleGroups,
  isAlertingRule,
} from './hubPrometheusRule';
import { parseMonitoringInput } from './monitoringInput';
import { monitoringDraft } from './monitoringTestInputs';

const input = parseMonitoringInput(
  monitoringDraft({ backups: { rpo: '12h' } }),
);
const groups = buildHubRuleGroups(input);

describe('the hub rules', () => {
  it('cover the API server, certificates, etcd, Flux, backups and nodes', () => {
    expect(groups.map(group => group.name)).toEqual([
      'hubspoke-tenants',
      'hubspoke-apiserver',
      'hubspoke-certificates',
      'hubspoke-etcd',
      'hubspoke-flux',
      'hubspoke-backups',
      'hubspoke-nodes',
    ]);
    expect(alertNames(groups)).toEqual([
      'HubAPIServerDown',
      'HubAPIServerErrorsHigh',
      'HubClientCertificateExpiring',
      'HubEtcdNoLeader',
      'HubEtcdMembersDown',
      'HubEtcdInsufficientMembers',
      'HubEtcdDatabaseNearQuota',
      'FluxReconciliationFailed',
      'FluxObjectSuspended',
      'HubBackupOlderThanRPO',
      'HubEtcdSnapshotOlderThanRPO',
      'HubEtcdSnapshotMissing',
      'HubNodeUnderPressure',
      'HubNodeNotReady',
    ]);
  });

  it('label every alert with a known severity and hub area and describe it', () => {
    const alerts = groups.flatMap(g => g.rules.filter(isAlertingRule));
    for (const rule of alerts) {
      expect(ALERT_SEVERITIES).toContain(rule.labels.severity);
      expect(HUB_AREAS).toContain(rule.labels.hubspoke_area);
      expect(rule.annotations.summary).not.toBe('');
    }
  });

  it('compare backup ages with the RPO in seconds and watch the configured CronJob', () => {
    const backups = groups.find(g => g.name === 'hubspoke-backups');
    const exprs = Object.fromEntries(
      (backups?.rules ?? []).map(rule => [
        isAlertingRule(rule) ? rule.alert : rule.record,
        rule.expr,
      ]),
    );
    expect(exprs.HubBackupOlderThanRPO).toBe(
      'time() - hubspoke:velero_backup_last_success:timestamp_seconds > 43200',
    );
    expect(exprs['hubspoke:etcd_snapshot_last_success:timestamp_seconds']).toBe(
      'max by (namespace, cronjob) (kube_cronjob_status_last_successful_time{namespace="velero",cronjob="etcd-snapshot"})',
    );
  });

  it('leave out the backup group when neither Velero nor etcd snapshots are watched', () => {
    const none = parseMonitoringInput(
      monitoringDraft({ backups: { velero: false, etcdSnapshot: false } }),
    );
    expect(buildHubRuleGroups(none).map(g => g.name)).not.toContain(
      'hubspoke-backups',
    );
  });

  it('give Flux alerts the tenant of their namespace, keeping the others', () => {
    const flux = groups.find(g => g.name === 'hubspoke-flux');
    const failed = flux?.rules.find(
      r => isAlertingRule(r) && r.alert === 'FluxReconciliationFailed',
    );
    expect(failed?.expr).toBe(
      '(max by (customresource_kind, exported_namespace, name) (gotk_resource_info{ready="False",suspended!="true"}) * on (exported_namespace) group_left (tenant) hubspoke:namespace_tenant:info) or on (customresource_kind, exported_namespace, name) max by (customresource_kind, exported_namespace, name) (gotk_resource_info{ready="False",suspended!="true"})',
    );
  });

  it('are one PrometheusRule in the monitoring namespace', () => {
    const rule = buildHubPrometheusRule(input);
    expect(rule.metadata).toEqual({
      name: 'hubspoke-hub',
      namespace: 'monitoring',
      labels: {
        'app.kubernetes.io/managed-by': 'hubspoke',
        'app.kubernetes.io/part-of': 'hubspoke-monitoring',
      },
    });
    expect(rule.spec.groups).toEqual(groups);
  });
});

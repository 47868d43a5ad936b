import { MonitoringInput } from './monitoringInput';
import { prometheusDurationSeconds } from './monitoringRules';
import { PrometheusRuleEntry, PrometheusRuleGroup } from './monitoringTypes';
import { alert } from './ruleHelpers';

/** Unix time of each Velero schedule's last successful backup. */
export const VELERO_LAST_SUCCESS_SERIES =
  'hubspoke:velero_backup_last_success:timestamp_seconds';

/** Unix time of the etcd snapshot CronJob's last successful run. */
export const ETCD_SNAPSHOT_LAST_SUCCESS_SERIES =
  'hubspoke:etcd_snapshot_last_success:timestamp_seconds';

function veleroRules(rpo: string, rpoSeconds: number): PrometheusRuleEntry[] {
  return [
    {
      record: VELERO_LAST_SUCCESS_SERIES,
      expr: 'max by (schedule) (velero_backup_last_successful_timestamp{schedule!=""})',
    },
    alert(
      'HubBackupOlderThanRPO',
      `time() - ${VELERO_LAST_SUCCESS_SERIES} > ${rpoSeconds}`,
      {
        severity: 'critical',
        area: 'backups',
        for: '5m',
        summary:
          'Velero schedule {{ $labels.schedule }} has no backup within the RPO',
        description: `The last successful backup of schedule {{ $labels.schedule }} is {{ $value | humanizeDuration }} old, more than the recovery point objective of ${rpo}.`,
      },
    ),
  ];
}

// kube-state-metrics sets kube_cronjob_status_last_successful_time only once the
// CronJob has succeeded; a missing series is a snapshot that never succeeded.
function etcdSnapshotRules(
  input: MonitoringInput,
  rpoSeconds: number,
): PrometheusRuleEntry[] {
  const { rpo, etcdSnapshotNamespace, etcdSnapshotCronJob } = input.backups;
  const selector = `namespace="${etcdSnapshotNamespace}",cronjob="${etcdSnapshotCronJob}"`;
  const cronJob = `${etcdSnapshotNamespace}/${etcdSnapshotCronJob}`;
  return [
    {
      record: ETCD_SNAPSHOT_LAST_SUCCESS_SERIES,
      expr: `max by (namespace, cronjob) (kube_cronjob_status_last_successful_time{${selector}})`,
    },
    alert(
      'HubEtcdSnapshotOlderThanRPO',
      `time() - ${ETCD_SNAPSHOT_LAST_SUCCESS_SERIES} > ${rpoSeconds}`,
      {
        severity: 'critical',
        area: 'backups',
        for: '5m',
        summary: `The last etcd snapshot (${cronJob}) is older than the RPO`,
        description: `The CronJob ${cronJob} last succeeded {{ $value | humanizeDuration }} ago, more than the recovery point objective of ${rpo}.`,
      },
    ),
    alert(
      'HubEtcdSnapshotMissing',
      `absent(kube_cronjob_status_last_successful_time{${selector}})`,
      {
        severity: 'critical',
        area: 'backups',
        for: rpo,
        summary: `The etcd snapshot CronJob ${cronJob} has never succeeded`,
        description: `No successful run of ${cronJob} has been seen for the recovery point objective of ${rpo}: the CronJob is missing or failing.`,
      },
    ),
  ];
}

/** Backups within the recovery point objective: Velero's schedules and the etcd snapshot. */
export function backupRules(
  input: MonitoringInput,
): PrometheusRuleGroup | undefined {
  const { rpo, velero, etcdSnapshot } = input.backups;
  const rpoSeconds = prometheusDurationSeconds(rpo) ?? 0;
  const rules = [
    ...(velero ? veleroRules(rpo, rpoSeconds) : []),
    ...(etcdSnapshot ? etcdSnapshotRules(input, rpoSeconds) : []),
  ];
  return rules.length > 0 ? { name: 'hubspoke-backups', rules } : undefined;
}

import { HubCheck } from '@hubspoke/backstage-plugin-hub-common';
import { BatchV1Api } from '@kubernetes/client-node';
import {
  CustomObject,
  listCustomObjects,
  objectName,
} from './listCustomObjects';
import { VerifyContext } from './types';

function formatAge(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 120 ? `${minutes} min` : `${(minutes / 60).toFixed(1)} h`;
}

function lastCompleted(
  backups: CustomObject[],
  schedule: string,
): Date | undefined {
  const times = backups
    .filter(
      b =>
        b.metadata?.labels?.['velero.io/schedule-name'] === schedule &&
        b.status?.phase === 'Completed',
    )
    .map(b => new Date(String(b.status?.completionTimestamp)))
    .filter(t => !Number.isNaN(t.getTime()));
  return times.sort((a, b) => b.getTime() - a.getTime())[0];
}

/**
 * The last successful backup of every Velero Schedule, and the last successful etcd
 * snapshot job, are younger than the recovery point objective.
 */
export async function checkBackups({
  kubeConfig,
  recoveryPointObjectiveMs: rpo,
  now,
}: VerifyContext): Promise<HubCheck> {
  const base = {
    id: 'backups.recency',
    area: 'backups' as const,
    title: 'Backups within the recovery point objective',
  };
  const at = now().getTime();
  const schedules = await listCustomObjects(
    kubeConfig,
    'velero.io',
    'v1',
    'schedules',
  );
  const backups =
    (await listCustomObjects(kubeConfig, 'velero.io', 'v1', 'backups')) ?? [];
  const snapshots = await kubeConfig
    .makeApiClient(BatchV1Api)
    .listCronJobForAllNamespaces({
      labelSelector: 'app.kubernetes.io/name=etcd-snapshot',
    });
  const stale: string[] = [];
  const fresh: string[] = [];
  const record = (what: string, last: Date | undefined) => {
    if (!last) stale.push(`${what}: never succeeded`);
    else if (at - last.getTime() > rpo)
      stale.push(
        `${what}: last success ${formatAge(
          at - last.getTime(),
        )} ago (${last.toISOString()})`,
      );
    else
      fresh.push(`${what}: last success ${formatAge(at - last.getTime())} ago`);
  };
  for (const schedule of schedules ?? []) {
    record(
      `Schedule ${objectName(schedule)}`,
      lastCompleted(backups, schedule.metadata?.name ?? ''),
    );
  }
  for (const job of snapshots.items) {
    const last = job.status?.lastSuccessfulTime;
    record(
      `etcd snapshot CronJob ${job.metadata?.namespace}/${job.metadata?.name}`,
      last ? new Date(last) : undefined,
    );
  }
  const rpoText = formatAge(rpo);
  if (!schedules || schedules.length + snapshots.items.length === 0) {
    return {
      ...base,
      status: 'fail',
      reason: schedules
        ? 'no Velero Schedule and no etcd snapshot CronJob: run hub:backup:configure'
        : 'Velero is not installed (no velero.io CRDs) and no etcd snapshot CronJob exists: run hub:backup:configure',
      evidence: [],
    };
  }
  return stale.length > 0
    ? {
        ...base,
        status: 'fail',
        reason: `${stale.length} backup(s) older than the ${rpoText} recovery point objective`,
        evidence: [...stale, ...fresh],
      }
    : {
        ...base,
        status: 'pass',
        reason: `every backup succeeded within ${rpoText}`,
        evidence: fresh,
      };
}

import { BackupInput, BackupTenant } from './backupInput';
import { VeleroScheduleManifest } from './backupTypes';
import { backupLabels } from './backupLabels';
import { BACKUP_STORAGE_LOCATION } from './veleroStorage';

export const CLUSTER_STATE_SCHEDULE = 'cluster-state';

export function tenantScheduleName(tenant: Pick<BackupTenant, 'name'>): string {
  return `tenant-${tenant.name}`;
}

/**
 * Cluster-scoped objects and every namespace but the tenants', which their own
 * Schedules keep for their own time.
 */
function clusterStateSchedule(input: BackupInput): VeleroScheduleManifest {
  const tenantNamespaces = input.tenants.flatMap(t => t.namespaces);
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: {
      name: CLUSTER_STATE_SCHEDULE,
      namespace: input.namespace,
      labels: backupLabels(),
    },
    spec: {
      schedule: input.clusterState.schedule,
      useOwnerReferencesInBackup: false,
      template: {
        includedNamespaces: ['*'],
        ...(tenantNamespaces.length > 0 && {
          excludedNamespaces: tenantNamespaces,
        }),
        includeClusterResources: true,
        storageLocation: BACKUP_STORAGE_LOCATION,
        ttl: input.clusterState.ttl,
      },
    },
  };
}

function tenantSchedule(
  input: BackupInput,
  tenant: BackupTenant,
): VeleroScheduleManifest {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: {
      name: tenantScheduleName(tenant),
      namespace: input.namespace,
      labels: backupLabels({ 'hubspoke.io/tenant': tenant.name }),
    },
    spec: {
      schedule: tenant.schedule,
      useOwnerReferencesInBackup: false,
      template: {
        includedNamespaces: tenant.namespaces,
        includeClusterResources: false,
        storageLocation: BACKUP_STORAGE_LOCATION,
        ttl: tenant.ttl,
      },
    },
  };
}

/** The cluster-state Schedule and one per tenant. */
export function veleroSchedules(input: BackupInput): VeleroScheduleManifest[] {
  return [
    clusterStateSchedule(input),
    ...input.tenants.map(tenant => tenantSchedule(input, tenant)),
  ];
}

import { BackupInput } from './backupInput';
import {
  ContainerManifest,
  CronJobManifest,
  VolumeManifest,
} from './backupTypes';
import { backupLabels } from './backupLabels';
import {
  etcdSnapshotSaveArgs,
  etcdSnapshotStatusArgs,
  KUBEADM_ETCD,
  KUBEADM_ETCD_PKI,
  localSnapshotSteps,
  renderShellScript,
  SnapshotShipping,
  uploadSnapshotSteps,
} from './etcdSnapshotScript';
import {
  VELERO_CREDENTIALS_KEY,
  VELERO_CREDENTIALS_SECRET,
} from './veleroRelease';
import { storageKey } from './veleroStorage';

export const ETCD_SNAPSHOT_CRONJOB = 'etcd-snapshot';
const CONTROL_PLANE_ROLE = 'node-role.kubernetes.io/control-plane';
const WORK = '/work';
const SNAPSHOTS = '/snapshots';
const CREDENTIALS = '/credentials';

/** Where the job keeps and ships snapshots, from the backup inputs. */
export function etcdSnapshotShipping(input: BackupInput): SnapshotShipping & {
  objectStore: { url: string; endpointUrl?: string };
} {
  const { storage } = input;
  return {
    snapshotFile: `${WORK}/snapshot.db`,
    snapshotDir: SNAPSHOTS,
    keep: input.etcdSnapshot.keep,
    objectStore: {
      url: `s3://${storage.bucket}/${storageKey(storage, 'etcd')}`,
      endpointUrl: storage.s3Url,
    },
  };
}

function mount(name: string, mountPath: string, readOnly = false) {
  return { name, mountPath, ...(readOnly && { readOnly }) };
}

/**
 * The etcd image (the one kubeadm runs for Kubernetes 1.34 to 1.36) has etcdctl and
 * etcdutl but no shell: they run as init containers with argument lists. The aws CLI
 * image has bash and coreutils for the steps that stamp, prune and ship.
 */
function containers(input: BackupInput, withCredentials: boolean) {
  const shipping = etcdSnapshotShipping(input);
  const { etcdImage, uploaderImage } = input.etcdSnapshot;
  const asRoot = { runAsUser: 0, readOnlyRootFilesystem: true };
  const initContainers: ContainerManifest[] = [
    {
      name: 'snapshot',
      image: etcdImage,
      command: ['etcdctl'],
      args: etcdSnapshotSaveArgs(KUBEADM_ETCD, shipping.snapshotFile),
      volumeMounts: [
        mount('etcd-pki', KUBEADM_ETCD_PKI, true),
        mount('work', WORK),
      ],
      // The etcd client keys on the host are readable by root only.
      securityContext: asRoot,
    },
    {
      name: 'verify',
      image: etcdImage,
      command: ['etcdutl'],
      args: etcdSnapshotStatusArgs(shipping.snapshotFile),
      volumeMounts: [mount('work', WORK)],
      securityContext: asRoot,
    },
  ];
  const ship: ContainerManifest = {
    name: 'ship',
    image: uploaderImage,
    command: ['/bin/bash', '-c'],
    args: [
      renderShellScript([
        ...localSnapshotSteps(shipping),
        ...uploadSnapshotSteps(shipping),
      ]),
    ],
    env: [
      {
        name: 'NODE_NAME',
        valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } },
      },
      { name: 'AWS_REGION', value: input.storage.region },
      ...(withCredentials
        ? [
            {
              name: 'AWS_SHARED_CREDENTIALS_FILE',
              value: `${CREDENTIALS}/${VELERO_CREDENTIALS_KEY}`,
            },
          ]
        : []),
    ],
    volumeMounts: [
      mount('work', WORK),
      mount('snapshots', SNAPSHOTS),
      ...(withCredentials ? [mount('credentials', CREDENTIALS, true)] : []),
    ],
    securityContext: { runAsUser: 0 },
  };
  return { initContainers, containers: [ship] };
}

function volumes(
  input: BackupInput,
  withCredentials: boolean,
): VolumeManifest[] {
  return [
    {
      name: 'etcd-pki',
      hostPath: { path: KUBEADM_ETCD_PKI, type: 'Directory' },
    },
    {
      name: 'snapshots',
      hostPath: {
        path: input.etcdSnapshot.hostPath,
        type: 'DirectoryOrCreate',
      },
    },
    { name: 'work', emptyDir: {} },
    ...(withCredentials
      ? [
          {
            name: 'credentials',
            secret: { secretName: VELERO_CREDENTIALS_SECRET },
          },
        ]
      : []),
  ];
}

/**
 * Snapshots kubeadm's stacked etcd from a control-plane node (host network, to reach
 * etcd on loopback), keeps the last snapshots on the host and in the object store.
 * Forbid: a slow snapshot must not overlap the next one.
 */
export function etcdSnapshotCronJob(
  input: BackupInput,
  options: { withCredentials: boolean },
): CronJobManifest {
  const labels = backupLabels({
    'app.kubernetes.io/name': ETCD_SNAPSHOT_CRONJOB,
  });
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {
      name: ETCD_SNAPSHOT_CRONJOB,
      namespace: input.namespace,
      labels,
    },
    spec: {
      schedule: input.etcdSnapshot.schedule,
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 600,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        spec: {
          backoffLimit: 2,
          activeDeadlineSeconds: 1800,
          template: {
            metadata: { labels },
            spec: {
              restartPolicy: 'Never',
              hostNetwork: true,
              dnsPolicy: 'ClusterFirstWithHostNet',
              nodeSelector: { [CONTROL_PLANE_ROLE]: '' },
              tolerations: [
                {
                  key: CONTROL_PLANE_ROLE,
                  operator: 'Exists',
                  effect: 'NoSchedule',
                },
              ],
              ...containers(input, options.withCredentials),
              volumes: volumes(input, options.withCredentials),
            },
          },
        },
      },
    },
  };
}

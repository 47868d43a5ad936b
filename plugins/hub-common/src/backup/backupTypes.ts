import {
  HelmReleaseManifest,
  HelmRepositoryManifest,
  NamespacedObjectMeta,
  ObjectMeta,
} from '../manifests/types';

/** Minimal typed shapes of the objects hub:backup:configure emits, as written in YAML. */

export interface BackupStorageLocationManifest {
  apiVersion: 'velero.io/v1';
  kind: 'BackupStorageLocation';
  metadata: NamespacedObjectMeta;
  spec: {
    provider: string;
    default: boolean;
    objectStorage: { bucket: string; prefix?: string };
    config: Record<string, string>;
    credential?: { name: string; key: string };
  };
}

export interface VeleroScheduleManifest {
  apiVersion: 'velero.io/v1';
  kind: 'Schedule';
  metadata: NamespacedObjectMeta;
  spec: {
    schedule: string;
    useOwnerReferencesInBackup: boolean;
    template: {
      includedNamespaces: string[];
      excludedNamespaces?: string[];
      includeClusterResources: boolean;
      storageLocation: string;
      ttl: string;
    };
  };
}

export interface ContainerManifest {
  name: string;
  image: string;
  command: string[];
  args?: string[];
  env?: Array<
    | { name: string; value: string }
    | { name: string; valueFrom: { fieldRef: { fieldPath: string } } }
  >;
  volumeMounts: Array<{ name: string; mountPath: string; readOnly?: boolean }>;
  securityContext: { runAsUser: number; readOnlyRootFilesystem?: boolean };
}

export type VolumeManifest =
  | {
      name: string;
      hostPath: { path: string; type: 'Directory' | 'DirectoryOrCreate' };
    }
  | { name: string; emptyDir: Record<string, never> }
  | { name: string; secret: { secretName: string } };

export interface CronJobManifest {
  apiVersion: 'batch/v1';
  kind: 'CronJob';
  metadata: NamespacedObjectMeta;
  spec: {
    schedule: string;
    concurrencyPolicy: 'Forbid';
    startingDeadlineSeconds: number;
    successfulJobsHistoryLimit: number;
    failedJobsHistoryLimit: number;
    jobTemplate: {
      spec: {
        backoffLimit: number;
        activeDeadlineSeconds: number;
        template: {
          metadata: { labels: Record<string, string> };
          spec: {
            restartPolicy: 'Never';
            hostNetwork: true;
            dnsPolicy: 'ClusterFirstWithHostNet';
            nodeSelector: Record<string, string>;
            tolerations: Array<{
              key: string;
              operator: 'Exists';
              effect: 'NoSchedule';
            }>;
            initContainers: ContainerManifest[];
            containers: ContainerManifest[];
            volumes: VolumeManifest[];
          };
        };
      };
    };
  };
}

export interface BackupNamespaceManifest {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: ObjectMeta;
}

export interface BackupSecretManifest {
  apiVersion: 'v1';
  kind: 'Secret';
  metadata: NamespacedObjectMeta;
  type: 'Opaque';
  data: Record<string, string>;
}

/** Any object hub:backup:configure builds. */
export type BackupManifest =
  | BackupNamespaceManifest
  | BackupSecretManifest
  | HelmRepositoryManifest
  | HelmReleaseManifest
  | BackupStorageLocationManifest
  | VeleroScheduleManifest
  | CronJobManifest;

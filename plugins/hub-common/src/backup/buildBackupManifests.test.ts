import { parseBackupInput } from './backupInput';
import {
  BackupStorageLocationManifest,
  CronJobManifest,
  VeleroScheduleManifest,
} from './backupTypes';
import { buildBackupManifests } from './buildBackupManifests';
import { backupGitopsFiles } from './backupGitops';

const input = parseBackupInput({
  storage: {
    bucket: 'hub-backups',
    prefix: 'hub',
    region: 'minio',
    s3Url: 'https://minio.example.com:9000',
  },
  tenants: [
    { name: 'team-a' },
    { name: 'team-b', namespaces: ['search'], ttl: '72h' },
  ],
  etcdSnapshot: { keep: 3 },
});
const credentials = {
  accessKeyId: 'AKIAEXAMPLE',
  secretAccessKey: 'wJalrEXAMPLEKEY',
};

function byKind<T>(objects: unknown[], kind: string): T[] {
  return objects.filter(o => (o as { kind: string }).kind === kind) as T[];
}

describe('buildBackupManifests', () => {
  const objects = buildBackupManifests(input, { credentials });

  it('points the storage location at the bucket, path-style for an S3-compatible URL', () => {
    const [location] = byKind<BackupStorageLocationManifest>(
      objects,
      'BackupStorageLocation',
    );
    expect(location.spec).toEqual({
      provider: 'aws',
      default: true,
      objectStorage: { bucket: 'hub-backups', prefix: 'hub/velero' },
      config: {
        region: 'minio',
        s3Url: 'https://minio.example.com:9000',
        s3ForcePathStyle: 'true',
      },
      credential: { name: 'velero-credentials', key: 'cloud' },
    });
  });

  it('keeps tenants out of the cluster-state Schedule and gives each its own', () => {
    const schedules = byKind<VeleroScheduleManifest>(objects, 'Schedule');
    expect(
      schedules.map(s => [
        s.metadata.name,
        s.spec.template.includedNamespaces,
        s.spec.template.ttl,
      ]),
    ).toEqual([
      ['cluster-state', ['*'], '720h'],
      ['tenant-team-a', ['team-a', 'team-a-*'], '336h'],
      ['tenant-team-b', ['search'], '72h'],
    ]);
    expect(schedules[0].spec.template).toMatchObject({
      excludedNamespaces: ['team-a', 'team-a-*', 'search'],
      includeClusterResources: true,
    });
  });

  it('runs the etcd snapshot on control-plane nodes, one at a time, with the kubeadm certificates', () => {
    const [cronJob] = byKind<CronJobManifest>(objects, 'CronJob');
    const pod = cronJob.spec.jobTemplate.spec.template.spec;
    expect(cronJob.spec.concurrencyPolicy).toBe('Forbid');
    expect(pod.hostNetwork).toBe(true);
    expect(pod.nodeSelector).toEqual({
      'node-role.kubernetes.io/control-plane': '',
    });
    expect(pod.tolerations).toEqual([
      {
        key: 'node-role.kubernetes.io/control-plane',
        operator: 'Exists',
        effect: 'NoSchedule',
      },
    ]);
    expect(pod.volumes).toContainEqual({
      name: 'etcd-pki',
      hostPath: { path: '/etc/kubernetes/pki/etcd', type: 'Directory' },
    });
    expect(pod.initContainers.map(c => [c.command, c.args])).toEqual([
      [
        ['etcdctl'],
        [
          '--endpoints=https://127.0.0.1:2379',
          '--cacert=/etc/kubernetes/pki/etcd/ca.crt',
          '--cert=/etc/kubernetes/pki/etcd/healthcheck-client.crt',
          '--key=/etc/kubernetes/pki/etcd/healthcheck-client.key',
          'snapshot',
          'save',
          '/work/snapshot.db',
        ],
      ],
      [
        ['etcdutl'],
        ['snapshot', 'status', '/work/snapshot.db', '--write-out=json'],
      ],
    ]);
    const script = pod.containers[0].args![0];
    expect(script).toContain(
      "aws --endpoint-url 'https://minio.example.com:9000' s3 cp '/snapshots'/\"$name\" 's3://hub-backups/hub/etcd/'\"$name\"",
    );
    expect(script).toContain('${#keys[@]} - 3');
  });

  it('never writes the credentials Secret into the repository', () => {
    const files = backupGitopsFiles(input, objects, '# crds\n');
    const text = Object.values(files).join('\n');
    expect(objects.some(o => o.kind === 'Secret')).toBe(true);
    expect(text).not.toContain('kind: Secret');
    expect(text).not.toContain(
      Buffer.from(credentials.secretAccessKey).toString('base64'),
    );
    expect(Object.keys(files)[0]).toBe('infrastructure/backup/hub/crds.yaml');
  });

  it('builds no Secret and mounts none without credentials', () => {
    const bare = buildBackupManifests(input);
    expect(bare.some(o => o.kind === 'Secret')).toBe(false);
    const [cronJob] = byKind<CronJobManifest>(bare, 'CronJob');
    expect(JSON.stringify(cronJob)).not.toContain('velero-credentials');
  });
});

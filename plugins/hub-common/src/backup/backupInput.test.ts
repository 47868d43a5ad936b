import { parseBackupInput } from './backupInput';

const storage = { bucket: 'hub-backups', region: 'eu-west-1' };

describe('parseBackupInput', () => {
  it('fills defaults, and a tenant backs up its namespace and its environments', () => {
    const input = parseBackupInput({ storage, tenants: [{ name: 'team-a' }] });
    expect(input.storage.provider).toBe('aws');
    expect(input.clusterState).toEqual({ schedule: '0 1 * * *', ttl: '720h' });
    expect(input.tenants).toEqual([
      {
        name: 'team-a',
        namespaces: ['team-a', 'team-a-*'],
        schedule: '0 2 * * *',
        ttl: '336h',
      },
    ]);
    expect(input.etcdSnapshot).toMatchObject({
      enabled: true,
      keep: 8,
      etcdImage: 'registry.k8s.io/etcd:3.6.8-0',
    });
  });

  it('names every field that breaks a rule', () => {
    expect(() =>
      parseBackupInput({
        storage: {
          provider: 'azure',
          bucket: 'Hub_Backups',
          region: 'eu-west-1',
          s3Url: 'minio:9000',
          prefix: '/hub/',
        },
        clusterState: { schedule: 'nightly', ttl: '30d' },
        tenants: [{ name: 'team-a' }, { name: 'team-a', namespaces: [] }],
        etcdSnapshot: { keep: 0, etcdImage: 'etcd' },
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'storage.provider: must be one of aws',
          'storage.bucket: must be a bucket name: 3 to 63 lower-case letters, digits, "." and "-"',
          'storage.prefix: must be a key prefix such as hub/velero, without leading or trailing "/"',
          'storage.s3Url: must be an http(s):// URL of an S3-compatible endpoint, e.g. https://minio.example.com:9000',
          'clusterState.schedule: must be a cron expression with five fields such as "0 1 * * *", or @daily, @every 6h',
          'clusterState.ttl: must be a duration such as 72h or 720h (numbers followed by ms, s, m or h)',
          'tenants.1.namespaces: must name at least one namespace',
          'etcdSnapshot.keep: must be at least 1',
          'etcdSnapshot.etcdImage: must be an image reference with a tag or digest',
        ],
      }),
    );
  });

  it('requires the storage location and refuses repeated tenants', () => {
    expect(() => parseBackupInput({})).toThrow('storage: must be an object');
    expect(() =>
      parseBackupInput({ storage, tenants: [{ name: 'a1' }, { name: 'a1' }] }),
    ).toThrow('tenants.1.name: must not repeat "a1"');
  });
});

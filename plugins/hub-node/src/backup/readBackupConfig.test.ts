import { ConfigReader } from '@backstage/config';
import { readBackupConfig } from './readBackupConfig';

const read = (backup: object) =>
  readBackupConfig(new ConfigReader({ hubspoke: { backup } }));

describe('readBackupConfig', () => {
  it('reads the etcd member, its client certificate and the tool folders', () => {
    expect(
      read({
        etcd: {
          endpoint: 'https://10.0.0.10:2379',
          caFile: '/pki/ca.crt',
          certFile: '/pki/client.crt',
          keyFile: '/pki/client.key',
        },
        etcdBinDir: '/opt/etcd/bin',
        snapshotDir: '/var/backups/etcd',
      }),
    ).toEqual({
      etcd: {
        endpoint: 'https://10.0.0.10:2379',
        tls: {
          caFile: '/pki/ca.crt',
          certFile: '/pki/client.crt',
          keyFile: '/pki/client.key',
        },
      },
      etcdBinDir: '/opt/etcd/bin',
      snapshotDir: '/var/backups/etcd',
    });
  });

  it('is empty without the section', () => {
    expect(readBackupConfig(new ConfigReader({}))).toEqual({});
  });

  it('names the key that breaks a rule', () => {
    expect(() => read({ etcd: { endpoint: '10.0.0.10:2379' } })).toThrow(
      'hubspoke.backup.etcd.endpoint "10.0.0.10:2379" must be an http(s)://host:port URL',
    );
    expect(() => read({ etcd: { caFile: '/pki/ca.crt' } })).toThrow(
      'hubspoke.backup.etcd: set caFile, certFile and keyFile together (1 of 3 set)',
    );
  });
});

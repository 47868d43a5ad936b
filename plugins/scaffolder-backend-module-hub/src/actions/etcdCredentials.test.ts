import { readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { etcdAccess } from './etcdCredentials';

const pem = {
  etcdCaCert: '-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n',
  etcdClientCert:
    '-----BEGIN CERTIFICATE-----\nclient\n-----END CERTIFICATE-----\n',
  etcdClientKey:
    '-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n',
};

describe('etcdAccess', () => {
  it('writes the certificate from the task secrets to private files and removes them on release', async () => {
    const access = await etcdAccess('https://10.0.0.10:2379', pem, {});
    const { tls } = access.connection;
    expect(access.connection.endpoint).toBe('https://10.0.0.10:2379');
    expect(await readFile(tls!.keyFile, 'utf8')).toBe(pem.etcdClientKey);
    expect(await readFile(tls!.certFile, 'utf8')).toBe(pem.etcdClientCert);
    expect(await readFile(tls!.caFile, 'utf8')).toBe(pem.etcdCaCert);
    expect((await stat(tls!.keyFile)).mode & 0o777).toBe(0o600);
    expect((await stat(dirname(tls!.keyFile))).mode & 0o777).toBe(0o700);
    await access.release();
    await expect(stat(dirname(tls!.keyFile))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('takes the files from hubspoke.backup.etcd when the task has no secrets', async () => {
    const tls = {
      caFile: '/pki/ca.crt',
      certFile: '/pki/c.crt',
      keyFile: '/pki/c.key',
    };
    const access = await etcdAccess('https://10.0.0.10:2379', undefined, {
      etcd: { tls },
    });
    expect(access.connection).toEqual({
      endpoint: 'https://10.0.0.10:2379',
      tls,
    });
  });

  it('prefers the task secrets to the configured files', async () => {
    const access = await etcdAccess('https://10.0.0.10:2379', pem, {
      etcd: {
        tls: {
          caFile: '/pki/ca.crt',
          certFile: '/pki/c.crt',
          keyFile: '/pki/c.key',
        },
      },
    });
    expect(access.connection.tls?.keyFile).not.toBe('/pki/c.key');
    await access.release();
  });
});

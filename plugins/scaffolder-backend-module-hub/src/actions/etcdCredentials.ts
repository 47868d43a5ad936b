import { InputError } from '@backstage/errors';
import { EtcdConnection } from '@hubspoke/backstage-plugin-hub-common';
import { BackupToolsConfig } from '@hubspoke/backstage-plugin-hub-node';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SECRETS = ['etcdCaCert', 'etcdClientCert', 'etcdClientKey'] as const;

/** An etcd connection and how to clean up the files its certificates were written to. */
export interface EtcdAccess {
  connection: EtcdConnection;
  release(): Promise<void>;
}

function fromSecrets(
  secrets: Record<string, string> | undefined,
): Record<(typeof SECRETS)[number], string> | undefined {
  const given = SECRETS.filter(name => secrets?.[name]);
  if (given.length === 0) return undefined;
  if (given.length < SECRETS.length) {
    throw new InputError(
      `secrets: ${SECRETS.join(', ')} must be given together (${given.join(
        ', ',
      )} given)`,
    );
  }
  return Object.fromEntries(
    SECRETS.map(name => [name, secrets![name]]),
  ) as Record<(typeof SECRETS)[number], string>;
}

/**
 * The client certificate comes from the task secrets (written to a private temporary
 * folder for etcdctl, removed by `release`) or from files named in hubspoke.backup.etcd.
 * An https:// member without either is refused before anything is done.
 */
export async function etcdAccess(
  endpoint: string,
  secrets: Record<string, string> | undefined,
  config: BackupToolsConfig,
): Promise<EtcdAccess> {
  const pem = fromSecrets(secrets);
  const isTls = endpoint.startsWith('https://');
  if (!isTls) {
    if (pem) {
      throw new InputError(
        `secrets.etcdClientCert: is for an https:// etcd endpoint; ${endpoint} is plain http`,
      );
    }
    return { connection: { endpoint }, release: async () => undefined };
  }
  if (!pem) {
    const tls = config.etcd?.tls;
    if (!tls) {
      throw new InputError(
        `secrets: etcdCaCert, etcdClientCert and etcdClientKey are required for ${endpoint} (or set hubspoke.backup.etcd caFile, certFile and keyFile)`,
      );
    }
    return { connection: { endpoint, tls }, release: async () => undefined };
  }
  const dir = await mkdtemp(join(tmpdir(), 'hubspoke-etcd-client-'));
  const files = {
    caFile: join(dir, 'ca.crt'),
    certFile: join(dir, 'client.crt'),
    keyFile: join(dir, 'client.key'),
  };
  await writeFile(files.caFile, pem.etcdCaCert, { mode: 0o600 });
  await writeFile(files.certFile, pem.etcdClientCert, { mode: 0o600 });
  await writeFile(files.keyFile, pem.etcdClientKey, { mode: 0o600 });
  return {
    connection: { endpoint, tls: files },
    release: () => rm(dir, { recursive: true, force: true }),
  };
}

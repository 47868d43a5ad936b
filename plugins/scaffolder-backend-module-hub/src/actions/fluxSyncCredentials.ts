import { InputError } from '@backstage/errors';
import {
  FluxSyncCredentials,
  FluxSyncInput,
} from '@hubspoke/backstage-plugin-hub-common';

type Secrets = Record<string, string> | undefined;

function pair(secrets: Secrets, first: string, second: string) {
  const a = secrets?.[first];
  const b = secrets?.[second];
  if (Boolean(a) !== Boolean(b)) {
    throw new InputError(
      `secrets: ${first} and ${second} must be given together; set both task secrets or neither`,
    );
  }
  return a && b ? [a, b] : undefined;
}

function refuse(secret: string, why: string): never {
  throw new InputError(`secrets.${secret}: ${why}`);
}

/**
 * The sync source's credentials, only ever from task secrets: gitUsername/gitPassword
 * (https Git), gitSshKey/gitKnownHosts (ssh Git) or registryUsername/registryPassword
 * (OCI). A pair that does not fit the URL is refused rather than ignored. An ssh:// URL
 * cannot be read without a key, so apply mode requires one; gitops mode may leave the
 * Secret to be created out of band.
 */
export function syncCredentialsFromSecrets(
  secrets: Secrets,
  sync: FluxSyncInput,
  options: { sshKeyRequired: boolean },
): FluxSyncCredentials | undefined {
  const basic = pair(secrets, 'gitUsername', 'gitPassword');
  const ssh = pair(secrets, 'gitSshKey', 'gitKnownHosts');
  const registry = pair(secrets, 'registryUsername', 'registryPassword');
  if (sync.kind === 'OCIRepository') {
    if (basic)
      refuse(
        'gitUsername',
        'is for Git sources; an oci:// source takes registryUsername and registryPassword',
      );
    if (ssh) refuse('gitSshKey', 'is for ssh:// Git sources, not oci://');
    return (
      registry && {
        type: 'basic',
        username: registry[0],
        password: registry[1],
      }
    );
  }
  if (registry)
    refuse(
      'registryUsername',
      'is for oci:// sources; a Git source takes gitUsername and gitPassword',
    );
  const isSsh = sync.url.startsWith('ssh://');
  if (isSsh) {
    if (basic)
      refuse(
        'gitUsername',
        'is for http(s):// Git URLs; an ssh:// URL takes gitSshKey and gitKnownHosts',
      );
    if (!ssh && options.sshKeyRequired)
      refuse(
        'gitSshKey',
        'is required for an ssh:// sync URL in apply mode, together with gitKnownHosts',
      );
    return ssh && { type: 'ssh', identity: ssh[0], knownHosts: ssh[1] };
  }
  if (ssh)
    refuse(
      'gitSshKey',
      'is for ssh:// URLs; an http(s):// URL takes gitUsername and gitPassword',
    );
  return basic && { type: 'basic', username: basic[0], password: basic[1] };
}

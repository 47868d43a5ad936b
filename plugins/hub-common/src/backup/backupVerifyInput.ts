import { z } from 'zod';
import {
  dnsLabel,
  InputProblemsError,
  oneOf,
  parseOrThrow,
  requiredString,
} from '../manifests/inputRules';

const ETCD_ENDPOINT = /^https?:\/\/[^\s/]+:[0-9]+$/;
const ABSOLUTE_FOLDER = /^(\/[A-Za-z0-9._-]+)+$/;

/** What `hub:backup:verify` needs: the etcd member to snapshot and where the marker goes. */
export const backupVerifyInputSchema = z.strictObject(
  {
    cluster: dnsLabel().default('hub'),
    etcdEndpoint: requiredString().regex(
      ETCD_ENDPOINT,
      'must be the client URL of one etcd member, http(s)://host:port',
    ),
    snapshotDir: requiredString().regex(
      ABSOLUTE_FOLDER,
      'must be an absolute folder path such as /var/backups/etcd',
    ),
    markerNamespace: dnsLabel().default('default'),
    markerName: dnsLabel().default('hubspoke-backup-marker'),
    failOn: oneOf(['fail', 'warn']).default('fail'),
  },
  { error: 'must be an object' },
);

/** A validated verification request, with defaults filled in. */
export type BackupVerifyInput = z.output<typeof backupVerifyInputSchema>;

/** Raised by {@link parseBackupVerifyInput}; named `InputError` for Backstage's error handling. */
export class BackupVerifyInputError extends InputProblemsError {
  constructor(problems: string[]) {
    super('backup verification', problems);
  }
}

/** Validates raw input and fills defaults; throws a {@link BackupVerifyInputError} listing every problem. */
export function parseBackupVerifyInput(raw: unknown): BackupVerifyInput {
  return parseOrThrow(
    backupVerifyInputSchema,
    raw,
    problems => new BackupVerifyInputError(problems),
  );
}

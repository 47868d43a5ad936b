import { z } from 'zod';
import {
  dnsLabel,
  InputProblemsError,
  oneOf,
  parseOrThrow,
  requiredString,
} from '../manifests/inputRules';

/** The object stores Velero writes to: AWS S3 and S3-compatible stores (MinIO, Ceph RGW...). */
export const BACKUP_PROVIDERS = ['aws'] as const;

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/;
const REGION = /^[a-z0-9-]+$/;
const CRON =
  /^(@(hourly|daily|weekly|monthly|yearly)|@every \S+|(\S+\s+){4}\S+)$/;
const CRON_FIELD = /^[0-9*/,-]+$/;
const GO_DURATION = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;
const NAMESPACE_PATTERN = /^[a-z0-9*]([-a-z0-9*]{0,61}[a-z0-9*])?$/;
const IMAGE =
  /^[a-z0-9]([a-z0-9._/:-]*[a-z0-9])?(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$/;
const ABSOLUTE_FOLDER = /^(\/[A-Za-z0-9._-]+)+$/;

function cron() {
  return requiredString().refine(
    value =>
      CRON.test(value) &&
      (value.startsWith('@') ||
        value.split(/\s+/).every(f => CRON_FIELD.test(f))),
    'must be a cron expression with five fields such as "0 1 * * *", or @daily, @every 6h',
  );
}

function retention() {
  return requiredString().regex(
    GO_DURATION,
    'must be a duration such as 72h or 720h (numbers followed by ms, s, m or h)',
  );
}

function s3Url() {
  return requiredString().refine(value => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') && !url.search
      );
    } catch {
      return false;
    }
  }, 'must be an http(s):// URL of an S3-compatible endpoint, e.g. https://minio.example.com:9000');
}

const storageSchema = z.strictObject(
  {
    provider: oneOf(BACKUP_PROVIDERS).default('aws'),
    bucket: requiredString().regex(
      BUCKET,
      'must be a bucket name: 3 to 63 lower-case letters, digits, "." and "-"',
    ),
    prefix: requiredString()
      .regex(
        PREFIX,
        'must be a key prefix such as hub/velero, without leading or trailing "/"',
      )
      .optional(),
    region: requiredString().regex(
      REGION,
      'must be a region such as eu-west-1 (or minio)',
    ),
    s3Url: s3Url().optional(),
  },
  {
    error: 'must be an object with provider, bucket, prefix, region and s3Url',
  },
);

const clusterStateSchema = z.strictObject(
  { schedule: cron().default('0 1 * * *'), ttl: retention().default('720h') },
  { error: 'must be an object with schedule and ttl' },
);

const tenantSchema = z.strictObject(
  {
    name: dnsLabel({
      length: 50,
      why: 'so that the Schedule tenant-<name> fits',
    }),
    namespaces: z
      .array(
        requiredString().regex(
          NAMESPACE_PATTERN,
          'must be a namespace name, "*" allowed as a wildcard',
        ),
        { error: 'must be a list of namespace names' },
      )
      .min(1, 'must name at least one namespace')
      .optional(),
    schedule: cron().default('0 2 * * *'),
    ttl: retention().default('336h'),
  },
  { error: 'must be an object with name, namespaces, schedule and ttl' },
);

const etcdSnapshotSchema = z.strictObject(
  {
    enabled: z.boolean({ error: 'must be true or false' }).default(true),
    schedule: cron().default('0 */6 * * *'),
    keep: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(100, 'must be at most 100')
      .default(8),
    hostPath: requiredString()
      .regex(
        ABSOLUTE_FOLDER,
        'must be an absolute folder path such as /var/lib/etcd-snapshots',
      )
      .default('/var/lib/etcd-snapshots'),
    etcdImage: requiredString()
      .regex(IMAGE, 'must be an image reference with a tag or digest')
      .default('registry.k8s.io/etcd:3.6.8-0'),
    uploaderImage: requiredString()
      .regex(IMAGE, 'must be an image reference with a tag or digest')
      .default('amazon/aws-cli:2.32.8'),
  },
  {
    error:
      'must be an object with enabled, schedule, keep, hostPath, etcdImage and uploaderImage',
  },
);

/** What `hub:backup:configure` needs: where backups go, what is backed up and how often. */
export const backupInputSchema = z
  .strictObject(
    {
      cluster: dnsLabel().default('hub'),
      namespace: dnsLabel().default('velero'),
      storage: storageSchema,
      clusterState: clusterStateSchema.prefault({}),
      tenants: z
        .array(tenantSchema, { error: 'must be a list of tenants' })
        .default([]),
      etcdSnapshot: etcdSnapshotSchema.prefault({}),
    },
    { error: 'must be an object' },
  )
  .superRefine((input, ctx) => {
    input.tenants.forEach((tenant, index) => {
      if (input.tenants.findIndex(t => t.name === tenant.name) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['tenants', index, 'name'],
          message: `must not repeat "${tenant.name}"`,
        });
      }
    });
  })
  .transform(input => ({
    ...input,
    tenants: input.tenants.map(tenant => ({
      ...tenant,
      namespaces: tenant.namespaces ?? [tenant.name, `${tenant.name}-*`],
    })),
  }));

/** A validated backup configuration, with defaults filled in. */
export type BackupInput = z.output<typeof backupInputSchema>;

/** A backup configuration as a caller may write it. */
export type BackupInputDraft = z.input<typeof backupInputSchema>;

export type BackupStorage = BackupInput['storage'];
export type BackupTenant = BackupInput['tenants'][number];
export type EtcdSnapshotSettings = BackupInput['etcdSnapshot'];

/** Raised by {@link parseBackupInput}; named `InputError` for Backstage's error handling. */
export class BackupInputError extends InputProblemsError {
  constructor(problems: string[]) {
    super('backup', problems);
  }
}

/** Validates raw input and fills defaults; throws a {@link BackupInputError} listing every problem. */
export function parseBackupInput(raw: unknown): BackupInput {
  return parseOrThrow(
    backupInputSchema,
    raw,
    problems => new BackupInputError(problems),
  );
}

import { z } from 'zod';
import {
  booleanField,
  dnsLabel,
  InputProblemsError,
  parseOrThrow,
} from '../manifests/inputRules';
import { alertingInputSchema } from './alertingInput';
import {
  byteSize,
  dnsSubdomain,
  hoursDuration,
  prometheusDuration,
  storageQuantity,
} from './monitoringRules';

const prometheusSchema = z.strictObject(
  {
    retention: prometheusDuration().default('15d'),
    retentionSize: byteSize().optional(),
    storageSize: storageQuantity().default('50Gi'),
  },
  { error: 'must be an object with retention, retentionSize and storageSize' },
);

const backupsSchema = z.strictObject(
  {
    rpo: prometheusDuration().default('24h'),
    velero: booleanField().default(true),
    etcdSnapshot: booleanField().default(true),
    etcdSnapshotNamespace: dnsLabel().default('velero'),
    etcdSnapshotCronJob: dnsSubdomain().default('etcd-snapshot'),
  },
  {
    error:
      'must be an object with rpo, velero, etcdSnapshot, etcdSnapshotNamespace and etcdSnapshotCronJob',
  },
);

const loggingSchema = z.strictObject(
  {
    enabled: booleanField().default(false),
    retention: prometheusDuration().default('7d'),
    storageSize: storageQuantity().default('20Gi'),
  },
  { error: 'must be an object with enabled, retention and storageSize' },
);

const tracingSchema = z.strictObject(
  {
    enabled: booleanField().default(false),
    retention: hoursDuration().default('72h'),
    storageSize: storageQuantity().default('10Gi'),
  },
  { error: 'must be an object with enabled, retention and storageSize' },
);

/** What `hub:monitoring:install` needs: where, how long to keep data, and who gets which alert. */
export const monitoringInputSchema = z.strictObject(
  {
    cluster: dnsLabel().default('hub'),
    namespace: dnsLabel().default('monitoring'),
    fluxNamespace: dnsLabel().default('flux-system'),
    storageClassName: dnsSubdomain().optional(),
    prometheus: prometheusSchema.prefault({}),
    alerting: alertingInputSchema,
    backups: backupsSchema.prefault({}),
    dashboards: booleanField().default(true),
    logging: loggingSchema.prefault({}),
    tracing: tracingSchema.prefault({}),
    installCrds: booleanField().default(false),
  },
  { error: 'must be an object' },
);

/** A validated monitoring installation, with defaults filled in. */
export type MonitoringInput = z.output<typeof monitoringInputSchema>;

/** A monitoring installation as a caller may write it: fields with defaults may be left out. */
export type MonitoringInputDraft = z.input<typeof monitoringInputSchema>;

/**
 * Raised by {@link parseMonitoringInput}.
 */
export class MonitoringInputError extends InputProblemsError {
  constructor(problems: string[]) {
    super('monitoring', problems);
  }
}

/** Validates raw input and fills defaults; throws a {@link MonitoringInputError} listing every problem. */
export function parseMonitoringInput(raw: unknown): MonitoringInput {
  return parseOrThrow(
    monitoringInputSchema,
    raw,
    problems => new MonitoringInputError(problems),
  );
}

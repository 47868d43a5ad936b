import { z } from 'zod';
import {
  dnsLabel,
  InputProblemsError,
  parseOrThrow,
  requiredString,
} from '../manifests/inputRules';

const ABSOLUTE_PATH = /^\/[^\s]*[^/\s]$/;

function absoluteFilePath() {
  return requiredString()
    .regex(ABSOLUTE_PATH, 'must be an absolute file path without spaces')
    .refine(value => !value.split('/').includes('..'), 'must not contain ".."');
}

function wholeNumber(min: number, max: number) {
  return z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

/** What `hub:audit:configure` needs: the tenants to watch closely and where the log goes. */
export const auditInputSchema = z
  .strictObject(
    {
      cluster: dnsLabel().default('hub'),
      tenantNamespaces: z
        .array(dnsLabel(), { error: 'must be a list of namespace names' })
        .default([]),
      policyFile: absoluteFilePath().default(
        '/etc/kubernetes/audit/policy.yaml',
      ),
      logPath: absoluteFilePath().default(
        '/var/log/kubernetes/audit/audit.log',
      ),
      maxAgeDays: wholeNumber(1, 3650).default(30),
      maxBackups: wholeNumber(0, 1000).default(10),
      maxSizeMegabytes: wholeNumber(1, 10_000).default(100),
    },
    { error: 'must be an object' },
  )
  .superRefine((input, ctx) => {
    input.tenantNamespaces.forEach((namespace, index) => {
      if (input.tenantNamespaces.indexOf(namespace) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['tenantNamespaces', index],
          message: `must not repeat "${namespace}"`,
        });
      }
    });
    if (parentFolder(input.policyFile) === parentFolder(input.logPath)) {
      ctx.addIssue({
        code: 'custom',
        path: ['logPath'],
        message:
          'must be in another folder than policyFile: the policy folder is mounted read-only into the API server',
      });
    }
  });

/** A validated audit configuration, with defaults filled in. */
export type AuditInput = z.output<typeof auditInputSchema>;

/** An audit configuration as a caller may write it. */
export type AuditInputDraft = z.input<typeof auditInputSchema>;

/** Raised by {@link parseAuditInput}; named `InputError` for Backstage's error handling. */
export class AuditInputError extends InputProblemsError {
  constructor(problems: string[]) {
    super('audit', problems);
  }
}

/** Validates raw input and fills defaults; throws an {@link AuditInputError} listing every problem. */
export function parseAuditInput(raw: unknown): AuditInput {
  return parseOrThrow(
    auditInputSchema,
    raw,
    problems => new AuditInputError(problems),
  );
}

/** The folder of an absolute path, for the kubeadm host mounts. */
export function parentFolder(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

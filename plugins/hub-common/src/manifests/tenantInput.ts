import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { dns1123LabelProblem } from '../names';
import { quotaTierNames } from './quotaTiers';

/** Leaves room for `-<environment>` and derived object names within 63 characters. */
export const TENANT_NAME_MAX_LENGTH = 40;

const NAMESPACE_MAX_LENGTH = 63;

// Flux accepts only URLs with a scheme; scp-like `git@host:path` is refused by source-controller.
const GIT_URL = /^(https?|ssh):\/\/[^\s/]+\/\S+$/;

function requiredString() {
  return z.string({
    error: issue =>
      issue.input === undefined ? 'is required' : 'must be a string',
  });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: `must be one of ${values.join(', ')}`,
  });
}

function dnsLabel(maxLength?: { length: number; why: string }) {
  return requiredString().superRefine((value, ctx) => {
    const problem =
      dns1123LabelProblem(value) ??
      (maxLength && value.length > maxLength.length
        ? `must be at most ${maxLength.length} characters ${maxLength.why} (has ${value.length})`
        : undefined);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
    }
  });
}

const relativePath = requiredString().refine(
  value => !value.startsWith('/') && !value.split('/').includes('..'),
  'must be a path relative to the repository root, without ".."',
);

const sourceSchema = z.strictObject(
  {
    url: requiredString().regex(
      GIT_URL,
      'must be an http(s):// or ssh:// Git URL (Flux does not accept scp-like git@host:path)',
    ),
    branch: requiredString().min(1, 'must not be empty').default('main'),
    path: relativePath.default('./'),
    secretName: dnsLabel().optional(),
  },
  { error: 'must be an object with url, branch, path and secretName' },
);

/** What `hub:tenant:create` needs to know about a tenant. */
export const tenantInputSchema = z
  .strictObject(
    {
      name: dnsLabel({
        length: TENANT_NAME_MAX_LENGTH,
        why: 'so that derived names fit',
      }),
      ownerGroup: dnsLabel(),
      environments: z
        .array(dnsLabel(), { error: 'must be a list of names' })
        .default([]),
      quotaTier: oneOf(quotaTierNames),
      networkExposure: oneOf(['none', 'ingress']),
      source: sourceSchema,
      cluster: dnsLabel().default('hub'),
      podSecurityLevel: oneOf(['restricted', 'baseline']).default('restricted'),
    },
    { error: 'must be an object' },
  )
  .superRefine((input, ctx) => {
    input.environments.forEach((environment, index) => {
      const namespace = `${input.name}-${environment}`;
      if (input.environments.indexOf(environment) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['environments', index],
          message: `must not repeat "${environment}"`,
        });
      } else if (namespace.length > NAMESPACE_MAX_LENGTH) {
        ctx.addIssue({
          code: 'custom',
          path: ['environments', index],
          message: `makes the namespace "${namespace}" longer than ${NAMESPACE_MAX_LENGTH} characters; use a shorter environment or tenant name`,
        });
      }
    });
  });

/** A validated tenant, with defaults filled in. */
export type TenantInput = z.output<typeof tenantInputSchema>;

/** A tenant as a caller may write it: fields with defaults may be left out. */
export type TenantInputDraft = z.input<typeof tenantInputSchema>;

/**
 * Raised by {@link parseTenantInput}. Named `InputError` so that Backstage's error
 * handling, which goes by `name`, answers it as a bad request.
 */
export class TenantInputError extends InputError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid tenant input: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    const parent = issue.path.join('.');
    return issue.keys.map(
      key => `${parent ? `${parent}.` : ''}${key}: is not a known field`,
    );
  }
  return [`${issue.path.join('.') || '(input)'}: ${issue.message}`];
}

/** Validates raw input and fills defaults; throws a {@link TenantInputError} listing every problem. */
export function parseTenantInput(raw: unknown): TenantInput {
  const result = tenantInputSchema.safeParse(raw);
  if (!result.success) {
    throw new TenantInputError(result.error.issues.flatMap(describeIssue));
  }
  return result.data;
}

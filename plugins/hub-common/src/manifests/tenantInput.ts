import { z } from 'zod';
import { quotaTierNames } from './quotaTiers';
import {
  dnsLabel,
  GIT_URL,
  InputProblemsError,
  oneOf,
  parseOrThrow,
  relativePath,
  requiredString,
} from './inputRules';

/** Leaves room for `-<environment>` and derived object names within 63 characters. */
export const TENANT_NAME_MAX_LENGTH = 40;

const NAMESPACE_MAX_LENGTH = 63;

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
 * Raised by {@link parseTenantInput}.
 */
export class TenantInputError extends InputProblemsError {
  constructor(problems: string[]) {
    super('tenant', problems);
  }
}

/** Validates raw input and fills defaults; throws a {@link TenantInputError} listing every problem. */
export function parseTenantInput(raw: unknown): TenantInput {
  return parseOrThrow(
    tenantInputSchema,
    raw,
    problems => new TenantInputError(problems),
  );
}

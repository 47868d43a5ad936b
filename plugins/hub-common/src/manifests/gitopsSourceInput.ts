import { z } from 'zod';
import {
  dnsLabel,
  fluxDuration,
  GIT_URL,
  InputProblemsError,
  nonEmptyString,
  parseOrThrow,
  relativePath,
  requiredString,
} from './inputRules';
import { GitRepositoryRef } from './types';

const REF_KINDS = ['branch', 'tag', 'semver'] as const;

const healthCheckSchema = z.strictObject(
  {
    apiVersion: nonEmptyString(),
    kind: nonEmptyString(),
    name: nonEmptyString(),
    namespace: dnsLabel().optional(),
  },
  { error: 'must be an object with apiVersion, kind, name and namespace' },
);

/** What `hub:gitops:source` needs to know about a source and the path it reconciles. */
export const gitopsSourceInputSchema = z
  .strictObject(
    {
      name: dnsLabel(),
      namespace: dnsLabel().default('flux-system'),
      url: requiredString().regex(
        GIT_URL,
        'must be an http(s):// or ssh:// Git URL (Flux does not accept scp-like git@host:path)',
      ),
      branch: nonEmptyString().optional(),
      tag: nonEmptyString().optional(),
      semver: nonEmptyString().optional(),
      path: relativePath.default('./'),
      interval: fluxDuration().default('10m'),
      prune: z.boolean({ error: 'must be true or false' }).default(true),
      wait: z.boolean({ error: 'must be true or false' }).default(false),
      healthChecks: z
        .array(healthCheckSchema, { error: 'must be a list of objects' })
        .default([]),
      dependsOn: z
        .array(dnsLabel(), { error: 'must be a list of names' })
        .default([]),
      targetNamespace: dnsLabel().optional(),
      serviceAccountName: dnsLabel().optional(),
      timeout: fluxDuration().optional(),
      cluster: dnsLabel().default('hub'),
    },
    { error: 'must be an object' },
  )
  .superRefine((input, ctx) => {
    const given = REF_KINDS.filter(kind => input[kind] !== undefined);
    given.slice(1).forEach(kind =>
      ctx.addIssue({
        code: 'custom',
        path: [kind],
        message: `must not be combined with ${given[0]}; give exactly one of branch, tag or semver`,
      }),
    );
    input.dependsOn.forEach((dependency, index) => {
      if (dependency === input.name) {
        ctx.addIssue({
          code: 'custom',
          path: ['dependsOn', index],
          message: `must not name the Kustomization itself ("${dependency}")`,
        });
      } else if (input.dependsOn.indexOf(dependency) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['dependsOn', index],
          message: `must not repeat "${dependency}"`,
        });
      }
    });
  })
  .transform(({ branch, tag, semver, ...rest }) => ({
    ...rest,
    ref: gitRef(branch, tag, semver),
  }));

/** The one reference a source follows; a branch (main) when none is given. */
export type GitopsSourceRef = GitRepositoryRef;

function gitRef(
  branch?: string,
  tag?: string,
  semver?: string,
): GitopsSourceRef {
  if (tag !== undefined) return { tag };
  if (semver !== undefined) return { semver };
  return { branch: branch ?? 'main' };
}

/** A validated GitOps source, with defaults filled in. */
export type GitopsSourceInput = z.output<typeof gitopsSourceInputSchema>;

/** A GitOps source as a caller may write it: fields with defaults may be left out. */
export type GitopsSourceInputDraft = z.input<typeof gitopsSourceInputSchema>;

/**
 * Raised by {@link parseGitopsSourceInput}.
 */
export class GitopsSourceInputError extends InputProblemsError {
  constructor(problems: string[]) {
    super('GitOps source', problems);
  }
}

/** Validates raw input and fills defaults; throws a {@link GitopsSourceInputError} listing every problem. */
export function parseGitopsSourceInput(raw: unknown): GitopsSourceInput {
  return parseOrThrow(
    gitopsSourceInputSchema,
    raw,
    problems => new GitopsSourceInputError(problems),
  );
}

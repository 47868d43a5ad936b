import { z } from 'zod';
import {
  booleanField,
  dnsLabel,
  fluxDuration,
  GIT_URL,
  InputProblemsError,
  nonEmptyString,
  oneOf,
  parseOrThrow,
  relativePath,
  requiredString,
} from './inputRules';
import { GitRepositoryRef, OCIRepositoryRef } from './types';

/** The Flux distributions Hubspoke ships, generated from Flux's Go modules. */
export const FLUX_VERSIONS = ['v2.9.5'] as const;
export type FluxVersion = (typeof FLUX_VERSIONS)[number];

/** The controllers `flux install` installs by default; Flux syncs with the first two. */
export const FLUX_COMPONENTS = [
  'source-controller',
  'kustomize-controller',
  'helm-controller',
  'notification-controller',
] as const;
export type FluxComponent = (typeof FLUX_COMPONENTS)[number];

const REQUIRED_COMPONENTS: FluxComponent[] = [
  'source-controller',
  'kustomize-controller',
];

const REGISTRY = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?(\/[a-z0-9._-]+)*$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const TOLERATION_KEY =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const OCI_URL = /^oci:\/\/[^\s/]+\/\S+$/;
const OCI_DIGEST = /^sha256:[a-f0-9]{64}$/;

const syncSchema = z.strictObject(
  {
    kind: oneOf(['GitRepository', 'OCIRepository']).default('GitRepository'),
    url: requiredString(),
    branch: nonEmptyString().optional(),
    tag: nonEmptyString().optional(),
    semver: nonEmptyString().optional(),
    digest: requiredString()
      .regex(OCI_DIGEST, 'must be sha256:<64 hex digits>')
      .optional(),
    path: relativePath.optional(),
    interval: fluxDuration().default('1m'),
  },
  { error: 'must be an object with kind, url, a ref, path and interval' },
);

/** What `hub:flux:install` needs: the distribution, its options and the sync source. */
export const fluxInstallInputSchema = z
  .strictObject(
    {
      cluster: dnsLabel().default('hub'),
      version: oneOf(FLUX_VERSIONS).default(
        FLUX_VERSIONS[FLUX_VERSIONS.length - 1],
      ),
      components: z
        .array(oneOf(FLUX_COMPONENTS), {
          error: 'must be a list of components',
        })
        .default([...FLUX_COMPONENTS]),
      namespace: dnsLabel().default('flux-system'),
      registry: requiredString()
        .regex(
          REGISTRY,
          'must be an image registry and path such as ghcr.io/fluxcd',
        )
        .default('ghcr.io/fluxcd'),
      imagePullSecret: dnsLabel().optional(),
      clusterDomain: requiredString()
        .regex(DNS_SUBDOMAIN, 'must be a DNS domain such as cluster.local')
        .default('cluster.local'),
      logLevel: oneOf(['debug', 'info', 'error']).default('info'),
      watchAllNamespaces: booleanField().default(true),
      networkPolicy: booleanField().default(true),
      tolerationKeys: z
        .array(
          requiredString().regex(
            TOLERATION_KEY,
            'must be a taint key ([prefix/]name)',
          ),
          { error: 'must be a list of taint keys' },
        )
        .default([]),
      multiTenancy: booleanField().default(true),
      defaultServiceAccount: dnsLabel().default('default'),
      sync: syncSchema.optional(),
    },
    { error: 'must be an object' },
  )
  .superRefine((input, ctx) => {
    input.components.forEach((component, index) => {
      if (input.components.indexOf(component) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['components', index],
          message: `must not repeat "${component}"`,
        });
      }
    });
    for (const required of REQUIRED_COMPONENTS) {
      if (!input.components.includes(required)) {
        ctx.addIssue({
          code: 'custom',
          path: ['components'],
          message: `must include ${required}: Flux cannot reconcile the cluster without it`,
        });
      }
    }
    if (input.sync) {
      syncProblems(input.sync).forEach(([field, message]) =>
        ctx.addIssue({ code: 'custom', path: ['sync', field], message }),
      );
    }
  })
  .transform(({ sync, ...rest }) => ({
    ...rest,
    sync: sync && normalizeSync(sync, rest.cluster),
  }));

type SyncDraft = z.output<typeof syncSchema>;

const GIT_REFS = ['branch', 'tag', 'semver'] as const;
const OCI_REFS = ['tag', 'semver', 'digest'] as const;

function syncProblems(sync: SyncDraft): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const isGit = sync.kind === 'GitRepository';
  if (isGit && !GIT_URL.test(sync.url)) {
    problems.push([
      'url',
      'must be an http(s):// or ssh:// Git URL (Flux does not accept scp-like git@host:path)',
    ]);
  }
  if (!isGit && !OCI_URL.test(sync.url)) {
    problems.push([
      'url',
      'must be an oci:// artifact URL such as oci://ghcr.io/org/fleet',
    ]);
  }
  const allowed: readonly string[] = isGit ? GIT_REFS : OCI_REFS;
  const refs = [...GIT_REFS, 'digest'].filter(
    ref => sync[ref as keyof SyncDraft] !== undefined,
  );
  refs
    .filter(ref => !allowed.includes(ref))
    .forEach(ref =>
      problems.push([
        ref,
        `is not a ${sync.kind} reference; use one of ${allowed.join(', ')}`,
      ]),
    );
  refs
    .filter(ref => allowed.includes(ref))
    .slice(1)
    .forEach(ref =>
      problems.push([
        ref,
        `must not be combined with ${refs[0]}; give one of ${allowed.join(
          ', ',
        )}`,
      ]),
    );
  return problems;
}

function normalizeSync(sync: SyncDraft, cluster: string) {
  const { url, interval } = sync;
  const path = sync.path ?? `./clusters/${cluster}`;
  const { tag, semver, digest, branch } = sync;
  if (sync.kind === 'OCIRepository') {
    let ref: OCIRepositoryRef = { tag: tag ?? 'latest' };
    if (semver !== undefined) ref = { semver };
    else if (digest !== undefined) ref = { digest };
    return { kind: 'OCIRepository' as const, url, ref, interval, path };
  }
  let ref: GitRepositoryRef = { branch: branch ?? 'main' };
  if (tag !== undefined) ref = { tag };
  else if (semver !== undefined) ref = { semver };
  return { kind: 'GitRepository' as const, url, ref, interval, path };
}

/** A validated Flux installation, with defaults filled in. */
export type FluxInstallInput = z.output<typeof fluxInstallInputSchema>;

/** A Flux installation as a caller may write it: fields with defaults may be left out. */
export type FluxInstallInputDraft = z.input<typeof fluxInstallInputSchema>;

/** The source Flux manages the cluster from. */
export type FluxSyncInput = NonNullable<FluxInstallInput['sync']>;

/**
 * Raised by {@link parseFluxInstallInput}.
 */
export class FluxInstallInputError extends InputProblemsError {
  constructor(problems: string[]) {
    super('Flux install', problems);
  }
}

/** Validates raw input and fills defaults; throws a {@link FluxInstallInputError} listing every problem. */
export function parseFluxInstallInput(raw: unknown): FluxInstallInput {
  return parseOrThrow(
    fluxInstallInputSchema,
    raw,
    problems => new FluxInstallInputError(problems),
  );
}

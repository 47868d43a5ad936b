import { z } from 'zod';
import {
  dnsLabel,
  GIT_URL,
  InputProblemsError,
  oneOf,
  parseOrThrow,
  relativePath,
  requiredString,
} from './inputRules';

/** The layers of flux2-hub-spoke-example, each reconciled after the one before. */
export const DEFAULT_SPOKE_LAYERS = [
  'tenants',
  'infra-controllers',
  'infra-configs',
  'apps',
] as const;

/**
 * The accounts on every spoke, in its namespace there, that the hub's Kustomizations
 * impersonate (flux2-hub-spoke-example): one bound to cluster-admin for the platform
 * layers, one without cluster-wide rights that tenants' namespaces grant what they need.
 */
export const SPOKE_CLUSTER_ADMIN_ACCOUNT = 'flux-cluster-admin';
export const SPOKE_RESTRICTED_ACCOUNT = 'flux-restricted';
export const SPOKE_ACCOUNTS = [
  SPOKE_CLUSTER_ADMIN_ACCOUNT,
  SPOKE_RESTRICTED_ACCOUNT,
] as const;
export type SpokeAccount = (typeof SPOKE_ACCOUNTS)[number];

/** The `apps` layer runs restricted; the platform layers need cluster-wide rights. */
function defaultAccount(layer: string): SpokeAccount {
  return layer === 'apps'
    ? SPOKE_RESTRICTED_ACCOUNT
    : SPOKE_CLUSTER_ADMIN_ACCOUNT;
}

const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const RESERVED_LABEL_PREFIXES = [
  'hubspoke.io/',
  'app.kubernetes.io/managed-by',
];

const labelValue = requiredString().regex(
  LABEL_VALUE,
  'must be a label value: at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
);

const labels = z
  .record(z.string(), labelValue, { error: 'must be a map of strings' })
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!LABEL_KEY.test(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'is not a valid label key ([prefix/]name)',
        });
      } else if (RESERVED_LABEL_PREFIXES.some(p => key.startsWith(p))) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'is set by Hubspoke; choose another label key',
        });
      }
    }
  });

/** What `hub:spoke:register` needs to know about a spoke. */
export const spokeInputSchema = z
  .strictObject(
    {
      name: dnsLabel(),
      sourceName: dnsLabel().default('flux-system'),
      sourceUrl: requiredString().regex(
        GIT_URL,
        'must be an http(s):// or ssh:// Git URL (Flux does not accept scp-like git@host:path)',
      ),
      sourceBranch: requiredString().min(1, 'must not be empty'),
      region: labelValue.min(1, 'must not be empty'),
      labels: labels.default({}),
      layers: z
        .array(dnsLabel(), { error: 'must be a list of names' })
        .min(1, 'must name at least one layer')
        .default([...DEFAULT_SPOKE_LAYERS]),
      path: relativePath.optional(),
      sourceSecretName: dnsLabel().optional(),
      serviceAccounts: z
        .record(dnsLabel(), oneOf(SPOKE_ACCOUNTS), {
          error: 'must be a map from layer to account',
        })
        .default({}),
    },
    { error: 'must be an object' },
  )
  .superRefine((input, ctx) => {
    input.layers.forEach((layer, index) => {
      if (input.layers.indexOf(layer) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['layers', index],
          message: `must not repeat "${layer}"`,
        });
      }
    });
    for (const layer of Object.keys(input.serviceAccounts)) {
      if (!input.layers.includes(layer)) {
        ctx.addIssue({
          code: 'custom',
          path: ['serviceAccounts', layer],
          message: `is not a layer of this spoke (layers: ${input.layers.join(
            ', ',
          )})`,
        });
      }
    }
  })
  .transform(input => ({
    ...input,
    path: input.path ?? `./clusters/${input.name}`,
    serviceAccounts: Object.fromEntries(
      input.layers.map(layer => [
        layer,
        input.serviceAccounts[layer] ?? defaultAccount(layer),
      ]),
    ) as Record<string, SpokeAccount>,
  }));

/** A validated spoke, with defaults filled in. */
export type SpokeInput = z.output<typeof spokeInputSchema>;

/** A spoke as a caller may write it: fields with defaults may be left out. */
export type SpokeInputDraft = z.input<typeof spokeInputSchema>;

/**
 * Raised by {@link parseSpokeInput}.
 */
export class SpokeInputError extends InputProblemsError {
  constructor(problems: string[]) {
    super('spoke', problems);
  }
}

/** Validates raw input and fills defaults; throws a {@link SpokeInputError} listing every problem. */
export function parseSpokeInput(raw: unknown): SpokeInput {
  return parseOrThrow(
    spokeInputSchema,
    raw,
    problems => new SpokeInputError(problems),
  );
}

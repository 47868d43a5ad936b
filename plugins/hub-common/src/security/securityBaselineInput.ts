import { z } from 'zod';
import {
  dnsLabel,
  InputProblemsError,
  oneOf,
  parseOrThrow,
} from '../manifests/inputRules';
import { groupName, imageRegistry, labelKey } from './securityInputRules';

/** The Pod Security Standards levels, from the most to the least permissive. */
export const POD_SECURITY_LEVELS = [
  'privileged',
  'baseline',
  'restricted',
] as const;
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

/** Which admission engine carries the policies. */
export const ADMISSION_ENGINES = [
  'ValidatingAdmissionPolicy',
  'Kyverno',
] as const;
export type AdmissionEngine = (typeof ADMISSION_ENGINES)[number];

/** The label `hub:tenant:create` and `flux create tenant` put on every tenant namespace. */
export const DEFAULT_TENANT_LABEL = 'toolkit.fluxcd.io/tenant';

/** The label `hub:tenant:create` puts on tenant namespaces with the owning group. */
export const DEFAULT_OWNER_LABEL = 'hubspoke.io/owner';

export const DEFAULT_SYSTEM_NAMESPACES = [
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

function uniqueList<T extends z.ZodType<string>>(item: T, what: string) {
  return z
    .array(item, {
      error: issue =>
        issue.input === undefined ? 'is required' : `must be a list of ${what}`,
    })
    .superRefine((values, ctx) =>
      values.forEach((value, index) => {
        if (values.indexOf(value) !== index) {
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: `must not repeat "${value}"`,
          });
        }
      }),
    );
}

const podSecuritySchema = z.strictObject(
  {
    system: oneOf(POD_SECURITY_LEVELS).default('privileged'),
    platform: oneOf(POD_SECURITY_LEVELS).default('baseline'),
    tenants: oneOf(POD_SECURITY_LEVELS).default('restricted'),
  },
  { error: 'must be an object with system, platform and tenants' },
);

/** What `hub:security:baseline` needs: who administers the hub, and what tenants may run. */
export const securityBaselineInputSchema = z
  .strictObject(
    {
      cluster: dnsLabel().default('hub'),
      adminGroups: uniqueList(groupName(), 'group names').default([]),
      viewerGroups: uniqueList(groupName(), 'group names').default([]),
      tenantReconcilerGroups: uniqueList(groupName(), 'group names').default(
        [],
      ),
      allowedRegistries: uniqueList(imageRegistry(), 'registries').min(
        1,
        'must list at least one registry: with none, no tenant pod could start',
      ),
      ownerLabel: labelKey().default(DEFAULT_OWNER_LABEL),
      tenantLabel: labelKey().default(DEFAULT_TENANT_LABEL),
      tenantNamespaces: uniqueList(dnsLabel(), 'namespaces').optional(),
      systemNamespaces: uniqueList(dnsLabel(), 'namespaces').default(
        DEFAULT_SYSTEM_NAMESPACES,
      ),
      fluxNamespace: dnsLabel().default('flux-system'),
      monitoringNamespace: dnsLabel().default('monitoring'),
      podSecurity: podSecuritySchema.default({
        system: 'privileged',
        platform: 'baseline',
        tenants: 'restricted',
      }),
      admissionEngine: oneOf(ADMISSION_ENGINES).default(
        'ValidatingAdmissionPolicy',
      ),
    },
    { error: 'must be an object' },
  )
  .superRefine((input, ctx) => {
    const placedIn = new Map<string, string>();
    for (const [field, namespaces] of Object.entries(namespaceRoles(input))) {
      namespaces.forEach((namespace, index) => {
        const first = placedIn.get(namespace);
        const problem = placementProblem(namespace, field, first);
        if (problem) {
          ctx.addIssue({
            code: 'custom',
            path: pathOf(field, index),
            message: problem,
          });
        }
        placedIn.set(namespace, first ?? field);
      });
    }
  });

function placementProblem(
  namespace: string,
  field: string,
  placedFirstIn: string | undefined,
): string | undefined {
  if (namespace === 'default' && field !== 'systemNamespaces') {
    return 'must not be "default": the baseline keeps workloads out of the default namespace';
  }
  if (placedFirstIn && placedFirstIn !== field) {
    return `must not also be named in ${placedFirstIn} ("${namespace}"): a namespace has one Pod Security level`;
  }
  return undefined;
}

// Every namespace the input places, by field; a namespace belongs to one of them.
function namespaceRoles(input: {
  systemNamespaces: string[];
  fluxNamespace: string;
  monitoringNamespace: string;
  tenantNamespaces?: string[];
}): Record<string, string[]> {
  return {
    fluxNamespace: [input.fluxNamespace],
    monitoringNamespace: [input.monitoringNamespace],
    systemNamespaces: input.systemNamespaces,
    tenantNamespaces: input.tenantNamespaces ?? [],
  };
}

function pathOf(field: string, index: number): (string | number)[] {
  return field.endsWith('Namespaces') ? [field, index] : [field];
}

/** A validated security baseline, with defaults filled in. */
export type SecurityBaselineInput = z.output<
  typeof securityBaselineInputSchema
>;

/** A security baseline as a caller may write it: fields with defaults may be left out. */
export type SecurityBaselineInputDraft = z.input<
  typeof securityBaselineInputSchema
>;

/**
 * Raised by {@link parseSecurityBaselineInput}.
 */
export class SecurityBaselineInputError extends InputProblemsError {
  constructor(problems: string[]) {
    super('security baseline', problems);
  }
}

/** Validates raw input and fills defaults; throws a {@link SecurityBaselineInputError} listing every problem. */
export function parseSecurityBaselineInput(
  raw: unknown,
): SecurityBaselineInput {
  return parseOrThrow(
    securityBaselineInputSchema,
    raw,
    problems => new SecurityBaselineInputError(problems),
  );
}

import { AdmissionRule, admissionRules } from './admissionRules';
import { BASELINE_LABELS } from './baselineMeta';
import { SecurityBaselineInput } from './securityBaselineInput';
import {
  AdmissionResourceRule,
  CelValidation,
  CelVariable,
  Selector,
  SecurityObjectMeta,
} from './types';
import { scopeSelector } from './validatingAdmissionPolicies';

/** The Kyverno release whose ClusterPolicy CRD the policies are checked against. */
export const KYVERNO_VERSION = 'v1.19.1';

export interface KyvernoClusterPolicyManifest {
  apiVersion: 'kyverno.io/v1';
  kind: 'ClusterPolicy';
  metadata: SecurityObjectMeta;
  spec: {
    background: boolean;
    rules: Array<{
      name: string;
      match: {
        any: Array<{
          resources: {
            kinds: string[];
            operations: AdmissionResourceRule['operations'];
            namespaceSelector: Selector;
          };
        }>;
      };
      validate: {
        failureAction: 'Enforce' | 'Audit';
        cel: { variables: CelVariable[]; expressions: CelValidation[] };
      };
    }>;
  };
}

// Kyverno names kinds, where admission rules name resources.
const KINDS: Record<string, string> = {
  pods: 'Pod',
  'pods/ephemeralcontainers': 'Pod/ephemeralcontainers',
  deployments: 'apps/v1/Deployment',
  statefulsets: 'apps/v1/StatefulSet',
  daemonsets: 'apps/v1/DaemonSet',
  jobs: 'batch/v1/Job',
  cronjobs: 'batch/v1/CronJob',
};

function kindsOf(resources: AdmissionResourceRule[]): string[] {
  return resources.flatMap(rule =>
    rule.resources.map(resource => {
      const kind = KINDS[resource];
      if (!kind) {
        throw new Error(`no Kyverno kind for the resource ${resource}`);
      }
      return kind;
    }),
  );
}

function clusterPolicy(
  rule: AdmissionRule,
  input: SecurityBaselineInput,
): KyvernoClusterPolicyManifest {
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: {
      name: rule.name,
      labels: { ...BASELINE_LABELS },
      annotations: {
        'policies.kyverno.io/description': rule.description,
        // The rules check pod templates themselves; Kyverno's generated rules for
        // Deployments and friends would check them twice.
        'pod-policies.kyverno.io/autogen-controllers': 'none',
      },
    },
    spec: {
      // Admission only, as the ValidatingAdmissionPolicies are.
      background: false,
      rules: [
        {
          name: rule.name,
          match: {
            any: [
              {
                resources: {
                  kinds: kindsOf(rule.resources),
                  operations: ['CREATE', 'UPDATE'],
                  namespaceSelector: scopeSelector(rule.scope, input),
                },
              },
            ],
          },
          validate: {
            failureAction: 'Enforce',
            cel: { variables: rule.variables, expressions: rule.validations },
          },
        },
      ],
    },
  };
}

/**
 * The admission rules as Kyverno ClusterPolicies with CEL validations: the same CEL,
 * messages and namespace selection as the ValidatingAdmissionPolicies.
 */
export function buildKyvernoClusterPolicies(
  input: SecurityBaselineInput,
): KyvernoClusterPolicyManifest[] {
  return admissionRules(input).map(rule => clusterPolicy(rule, input));
}

import { admissionRules } from './admissionRules';
import { buildKyvernoClusterPolicies } from './kyvernoClusterPolicies';
import { celString } from './podSpecCel';
import { parseSecurityBaselineInput } from './securityBaselineInput';
import { buildValidatingAdmissionPolicies } from './validatingAdmissionPolicies';

const input = parseSecurityBaselineInput({
  allowedRegistries: ['ghcr.io/acme', 'registry.example.com:5000'],
  tenantLabel: 'hubspoke.io/tenant',
  ownerLabel: 'example.com/team',
});

describe('admission policies', () => {
  it('pairs every ValidatingAdmissionPolicy with a binding that denies and audits', () => {
    const objects = buildValidatingAdmissionPolicies(input);
    const policies = objects.filter(
      o => o.kind === 'ValidatingAdmissionPolicy',
    );
    const bindings = objects.flatMap(o =>
      o.kind === 'ValidatingAdmissionPolicyBinding' ? [o] : [],
    );

    expect(policies.map(p => p.metadata.name)).toEqual([
      'hubspoke-tenant-no-privileged',
      'hubspoke-tenant-allowed-registries',
      'hubspoke-tenant-owner-label',
      'hubspoke-tenant-resource-limits',
      'hubspoke-no-default-namespace',
    ]);
    expect(bindings.map(b => b.spec.policyName)).toEqual(
      policies.map(p => p.metadata.name),
    );
    expect(
      bindings.every(b => b.spec.validationActions.join() === 'Deny,Audit'),
    ).toBe(true);
    expect(bindings.map(b => b.spec.matchResources.namespaceSelector)).toEqual([
      ...Array(4).fill({
        matchExpressions: [{ key: 'hubspoke.io/tenant', operator: 'Exists' }],
      }),
      { matchLabels: { 'kubernetes.io/metadata.name': 'default' } },
    ]);
  });

  it('compiles the registries and the owner label into the CEL', () => {
    const [, registries, owner] = admissionRules(input);
    expect(registries.variables).toContainEqual({
      name: 'registries',
      expression: "['ghcr.io/acme', 'registry.example.com:5000']",
    });
    expect(owner.validations[0].expression).toContain(
      "'example.com/team' in object.metadata.labels",
    );
  });

  it('checks pod templates of workloads, and limits on pods only', () => {
    const resourcesOf = (index: number) =>
      admissionRules(input)[index].resources.flatMap(r => r.resources);
    expect(resourcesOf(0)).toEqual([
      'pods',
      'pods/ephemeralcontainers',
      'deployments',
      'statefulsets',
      'daemonsets',
      'jobs',
      'cronjobs',
    ]);
    expect(resourcesOf(3)).toEqual(['pods', 'pods/ephemeralcontainers']);
  });

  it('renders the same rules as Kyverno ClusterPolicies', () => {
    const rules = admissionRules(input);
    const policies = buildKyvernoClusterPolicies(input);

    expect(policies.map(p => p.metadata.name)).toEqual(rules.map(r => r.name));
    policies.forEach((policy, index) => {
      const [rule] = policy.spec.rules;
      expect(rule.validate).toEqual({
        failureAction: 'Enforce',
        cel: {
          variables: rules[index].variables,
          expressions: rules[index].validations,
        },
      });
    });
    expect(policies[0].spec.rules[0].match.any[0].resources).toEqual({
      kinds: [
        'Pod',
        'Pod/ephemeralcontainers',
        'apps/v1/Deployment',
        'apps/v1/StatefulSet',
        'apps/v1/DaemonSet',
        'batch/v1/Job',
        'batch/v1/CronJob',
      ],
      operations: ['CREATE', 'UPDATE'],
      namespaceSelector: {
        matchExpressions: [{ key: 'hubspoke.io/tenant', operator: 'Exists' }],
      },
    });
  });

  it('refuses to quote what a CEL string literal cannot hold as is', () => {
    expect(celString('ghcr.io/acme')).toBe("'ghcr.io/acme'");
    expect(() => celString("it's")).toThrow('cannot quote');
  });
});

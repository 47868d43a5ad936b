import { parseAuditInput } from './auditInput';
import { buildAuditPolicy, CONFIDENTIAL_RESOURCES } from './auditPolicy';
import { AuditPolicyRule } from './auditPolicyTypes';

function indexOfRule(
  rules: AuditPolicyRule[],
  match: (rule: AuditPolicyRule) => boolean,
): number {
  const index = rules.findIndex(match);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
}

const mentionsGroup = (rule: AuditPolicyRule, group: string) =>
  rule.resources?.some(r => r.group === group) ?? false;

describe('buildAuditPolicy', () => {
  const policy = buildAuditPolicy(
    parseAuditInput({ tenantNamespaces: ['team-a', 'team-a-dev'] }),
  );

  it('keeps Secrets, ConfigMaps and token reviews at Metadata before any rule with bodies', () => {
    const confidential = indexOfRule(
      policy.rules,
      r => r.resources === CONFIDENTIAL_RESOURCES,
    );
    expect(policy.rules[confidential].level).toBe('Metadata');
    const firstWithBodies = policy.rules.findIndex(
      r => r.level === 'Request' || r.level === 'RequestResponse',
    );
    expect(confidential).toBeLessThan(firstWithBodies);
  });

  it('records RBAC and namespace writes with bodies, the Flux kinds only in tenant namespaces', () => {
    const rbac = policy.rules.find(r =>
      mentionsGroup(r, 'rbac.authorization.k8s.io'),
    );
    expect(rbac).toMatchObject({
      level: 'RequestResponse',
      verbs: expect.arrayContaining(['create', 'patch', 'delete']),
    });
    const flux = policy.rules.filter(r =>
      mentionsGroup(r, 'kustomize.toolkit.fluxcd.io'),
    );
    expect(flux.map(r => [r.level, r.namespaces])).toEqual([
      ['Metadata', ['team-a', 'team-a-dev']],
      ['Request', ['team-a', 'team-a-dev']],
    ]);
  });

  it('logs nothing for health endpoints and ends with Metadata for the rest', () => {
    expect(policy.rules[0]).toEqual({
      level: 'None',
      nonResourceURLs: ['/healthz*', '/readyz*', '/livez*', '/metrics'],
    });
    expect(policy.rules[policy.rules.length - 1]).toEqual({
      level: 'Metadata',
    });
  });

  it('watches the Flux kinds in every namespace when no tenant namespace is named', () => {
    const everywhere = buildAuditPolicy(parseAuditInput({}));
    const flux = everywhere.rules.filter(r =>
      mentionsGroup(r, 'helm.toolkit.fluxcd.io'),
    );
    expect(flux).toHaveLength(2);
    flux.forEach(rule => expect(rule.namespaces).toBeUndefined());
  });
});

import {
  buildPlatformRbac,
  PLATFORM_ADMIN_ROLE,
  PLATFORM_VIEWER_ROLE,
  TENANT_RECONCILER_ROLE,
} from './platformRbac';
import { parseSecurityBaselineInput } from './securityBaselineInput';
import { ClusterRoleManifest, PolicyRule } from './types';

const input = parseSecurityBaselineInput({
  adminGroups: ['platform-team'],
  viewerGroups: ['observers', 'auditors'],
  tenantReconcilerGroups: ['release-bots'],
  allowedRegistries: ['ghcr.io'],
});

function rulesOf(name: string): PolicyRule[] {
  const role = buildPlatformRbac(input, []).find(
    (o): o is ClusterRoleManifest =>
      o.kind === 'ClusterRole' && o.metadata.name === name,
  );
  if (!role) throw new Error(`no ClusterRole ${name}`);
  return role.rules;
}

/** Whether a rule grants `verb` on `resource` in the core group (wildcards count). */
function grants(rules: PolicyRule[], resource: string, verb: string) {
  return rules.some(
    rule =>
      (rule.apiGroups.includes('') || rule.apiGroups.includes('*')) &&
      (rule.resources.includes(resource) || rule.resources.includes('*')) &&
      (rule.verbs.includes(verb) || rule.verbs.includes('*')),
  );
}

describe('buildPlatformRbac', () => {
  it('never binds cluster-admin, and binds each role to its groups', () => {
    const objects = buildPlatformRbac(input, ['team-a', 'team-b']);
    const bindings = objects.filter(o => o.kind !== 'ClusterRole');

    expect(
      bindings.map(b =>
        'roleRef' in b
          ? [
              b.kind,
              b.metadata.name,
              b.roleRef.name,
              b.subjects.map(s => s.name),
            ]
          : [],
      ),
    ).toEqual([
      [
        'ClusterRoleBinding',
        'hubspoke-platform-admins',
        PLATFORM_ADMIN_ROLE,
        ['platform-team'],
      ],
      [
        'ClusterRoleBinding',
        'hubspoke-platform-viewers',
        PLATFORM_VIEWER_ROLE,
        ['observers', 'auditors'],
      ],
      [
        'RoleBinding',
        'hubspoke-tenant-reconcilers',
        TENANT_RECONCILER_ROLE,
        ['release-bots'],
      ],
      [
        'RoleBinding',
        'hubspoke-tenant-reconcilers',
        TENANT_RECONCILER_ROLE,
        ['release-bots'],
      ],
    ]);
    expect(
      bindings.flatMap(b =>
        'namespace' in b.metadata ? [b.metadata.namespace] : [],
      ),
    ).toEqual(['team-a', 'team-b']);
    expect(bindings.every(b => b.subjects.every(s => s.kind === 'Group'))).toBe(
      true,
    );
  });

  it('leaves out bindings without groups, and tenant bindings without tenant namespaces', () => {
    const bare = parseSecurityBaselineInput({ allowedRegistries: ['ghcr.io'] });
    expect(buildPlatformRbac(bare, ['team-a']).map(o => o.kind)).toEqual([
      'ClusterRole',
      'ClusterRole',
      'ClusterRole',
    ]);
    expect(
      buildPlatformRbac(input, []).filter(o => o.kind === 'RoleBinding'),
    ).toEqual([]);
  });

  it('gives viewers only read verbs and never Secrets, tokens or exec', () => {
    const rules = rulesOf(PLATFORM_VIEWER_ROLE);
    expect(
      rules
        .flatMap(rule => rule.verbs)
        .every(verb => ['get', 'list', 'watch'].includes(verb)),
    ).toBe(true);
    expect(grants(rules, 'secrets', 'get')).toBe(false);
    expect(grants(rules, 'secrets', 'list')).toBe(false);
    expect(grants(rules, 'serviceaccounts/token', 'create')).toBe(false);
    expect(grants(rules, 'pods/exec', 'create')).toBe(false);
    // A wildcard is only granted on groups without Secrets.
    expect(
      rules
        .filter(rule => rule.resources.includes('*'))
        .flatMap(rule => rule.apiGroups)
        .filter(group => group === '' || group === '*'),
    ).toEqual([]);
    expect(grants(rules, 'pods', 'list')).toBe(true);
  });

  it('keeps admins off RBAC writes, impersonation and wildcards over core and RBAC', () => {
    const rules = rulesOf(PLATFORM_ADMIN_ROLE);
    const rbacRules = rules.filter(rule =>
      rule.apiGroups.includes('rbac.authorization.k8s.io'),
    );
    expect(rbacRules.flatMap(rule => rule.verbs)).toEqual([
      'get',
      'list',
      'watch',
    ]);
    expect(
      rules.some(
        rule =>
          rule.verbs.includes('impersonate') ||
          rule.verbs.includes('escalate') ||
          rule.verbs.includes('bind'),
      ),
    ).toBe(false);
    expect(
      rules.some(
        rule => rule.verbs.includes('*') || rule.apiGroups.includes('*'),
      ),
    ).toBe(false);
    expect(grants(rules, 'secrets', 'get')).toBe(true);
  });

  it('lets tenant reconcilers manage workloads and Flux objects but not network policies or RBAC', () => {
    const rules = rulesOf(TENANT_RECONCILER_ROLE);
    expect(grants(rules, 'secrets', 'create')).toBe(true);
    expect(
      rules.some(
        rule =>
          rule.apiGroups.includes('networking.k8s.io') &&
          rule.resources.includes('networkpolicies') &&
          rule.verbs.includes('create'),
      ),
    ).toBe(false);
    expect(
      rules.some(rule => rule.apiGroups.includes('rbac.authorization.k8s.io')),
    ).toBe(false);
    expect(
      rules.some(
        rule =>
          rule.apiGroups.includes('kustomize.toolkit.fluxcd.io') &&
          rule.verbs.includes('patch'),
      ),
    ).toBe(true);
  });
});

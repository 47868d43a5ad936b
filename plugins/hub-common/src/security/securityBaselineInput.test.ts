import {
  parseSecurityBaselineInput,
  SecurityBaselineInputError,
} from './securityBaselineInput';

const valid = { allowedRegistries: ['ghcr.io/acme'] };

function problemsOf(raw: unknown): string[] {
  try {
    parseSecurityBaselineInput(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(SecurityBaselineInputError);
    return (error as SecurityBaselineInputError).problems;
  }
  throw new Error('expected the input to be rejected');
}

describe('parseSecurityBaselineInput', () => {
  it('fills defaults', () => {
    expect(parseSecurityBaselineInput(valid)).toEqual({
      cluster: 'hub',
      adminGroups: [],
      viewerGroups: [],
      tenantReconcilerGroups: [],
      allowedRegistries: ['ghcr.io/acme'],
      ownerLabel: 'hubspoke.io/owner',
      tenantLabel: 'toolkit.fluxcd.io/tenant',
      systemNamespaces: ['kube-system', 'kube-public', 'kube-node-lease'],
      fluxNamespace: 'flux-system',
      monitoringNamespace: 'monitoring',
      podSecurity: {
        system: 'privileged',
        platform: 'baseline',
        tenants: 'restricted',
      },
      admissionEngine: 'ValidatingAdmissionPolicy',
    });
  });

  it.each([
    'ghcr.io',
    'ghcr.io/acme',
    'registry.example.com:5000',
    'registry.example.com:5000/team/sub',
    'localhost:5000',
    'registry:5000',
    'public.ecr.aws/acme',
  ])('takes the registry %s', registry => {
    expect(
      parseSecurityBaselineInput({ allowedRegistries: [registry] })
        .allowedRegistries,
    ).toEqual([registry]);
  });

  it.each([
    'https://ghcr.io',
    'ghcr.io/',
    'nginx',
    'acme/app',
    'ghcr.io/acme:1.0',
    'GHCR.io',
    "ghcr.io/it's",
    '',
  ])('refuses the registry %j', registry => {
    expect(problemsOf({ allowedRegistries: [registry] })).toEqual([
      'allowedRegistries.0: must be a registry host with an optional path prefix, e.g. ghcr.io, registry.example.com:5000 or ghcr.io/acme (no scheme, tag or trailing /)',
    ]);
  });

  it('refuses an empty or repeated registry list', () => {
    expect(problemsOf({ allowedRegistries: [] })).toEqual([
      'allowedRegistries: must list at least one registry: with none, no tenant pod could start',
    ]);
    expect(problemsOf({})).toEqual(['allowedRegistries: is required']);
    expect(problemsOf({ allowedRegistries: ['ghcr.io', 'ghcr.io'] })).toEqual([
      'allowedRegistries.1: must not repeat "ghcr.io"',
    ]);
  });

  it.each([
    'platform-team',
    'oidc:Platform Admins',
    'acme.com/platform',
    '1b2c3d4e-0000-4000-8000-000000000000',
  ])('takes the group %j', group => {
    expect(
      parseSecurityBaselineInput({ ...valid, viewerGroups: [group] })
        .viewerGroups,
    ).toEqual([group]);
  });

  it.each([
    [
      'system:masters',
      'must not be a Kubernetes system group ("system:masters"): the system: prefix is reserved and would grant the role to built-in identities',
    ],
    [
      'System:Authenticated',
      'must not be a Kubernetes system group ("System:Authenticated"): the system: prefix is reserved and would grant the role to built-in identities',
    ],
    [
      ' platform',
      'must be a group name without leading or trailing spaces or control characters',
    ],
    [
      'platform\nadmins',
      'must be a group name without leading or trailing spaces or control characters',
    ],
    ['   ', 'must be a group name, not empty'],
    ['x'.repeat(257), 'must be at most 256 characters (has 257)'],
  ])('refuses the group %j', (group, rule) => {
    expect(problemsOf({ ...valid, adminGroups: [group] })).toEqual([
      `adminGroups.0: ${rule}`,
    ]);
  });

  it('names an unknown Pod Security level by its field', () => {
    expect(
      problemsOf({ ...valid, podSecurity: { tenants: 'strict' } }),
    ).toEqual([
      'podSecurity.tenants: must be one of privileged, baseline, restricted',
    ]);
    expect(
      parseSecurityBaselineInput({
        ...valid,
        podSecurity: { tenants: 'baseline' },
      }).podSecurity,
    ).toEqual({
      system: 'privileged',
      platform: 'baseline',
      tenants: 'baseline',
    });
  });

  it.each(['-bad', 'Example.com/tenant', 'a/b/c', 'tenant name'])(
    'refuses the label key %j',
    key => {
      expect(problemsOf({ ...valid, tenantLabel: key })[0]).toMatch(
        /^tenantLabel: must be a label key/,
      );
    },
  );

  it('refuses a namespace placed in two roles, or default as a platform or tenant namespace', () => {
    expect(
      problemsOf({
        ...valid,
        fluxNamespace: 'kube-system',
        monitoringNamespace: 'default',
        tenantNamespaces: ['team-a', 'flux-system-x', 'kube-public'],
      }),
    ).toEqual([
      'monitoringNamespace: must not be "default": the baseline keeps workloads out of the default namespace',
      'systemNamespaces.0: must not also be named in fluxNamespace ("kube-system"): a namespace has one Pod Security level',
      'tenantNamespaces.2: must not also be named in systemNamespaces ("kube-public"): a namespace has one Pod Security level',
    ]);
  });

  it('lists every problem at once, and refuses unknown fields', () => {
    expect(
      problemsOf({
        allowedRegistries: [],
        adminGroups: ['system:masters'],
        podSecurity: { system: 'open' },
        engine: 'Kyverno',
      }),
    ).toEqual([
      'adminGroups.0: must not be a Kubernetes system group ("system:masters"): the system: prefix is reserved and would grant the role to built-in identities',
      'allowedRegistries: must list at least one registry: with none, no tenant pod could start',
      'podSecurity.system: must be one of privileged, baseline, restricted',
      'engine: is not a known field',
    ]);
  });
});

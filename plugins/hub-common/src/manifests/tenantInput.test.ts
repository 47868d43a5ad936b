import { parseTenantInput, TenantInputError } from './tenantInput';

const valid = {
  name: 'payments',
  ownerGroup: 'team-payments',
  quotaTier: 'small',
  networkExposure: 'none',
  source: { url: 'https://github.com/acme/payments-deploy.git' },
};

function problemsOf(raw: unknown): string[] {
  try {
    parseTenantInput(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(TenantInputError);
    return (error as TenantInputError).problems;
  }
  throw new Error('expected the input to be rejected');
}

const DNS_RULE =
  'must consist of lower-case letters, digits and "-", and start and end with a letter or digit (DNS-1123 label)';

describe('parseTenantInput', () => {
  it('fills defaults', () => {
    expect(parseTenantInput(valid)).toEqual({
      name: 'payments',
      ownerGroup: 'team-payments',
      environments: [],
      quotaTier: 'small',
      networkExposure: 'none',
      source: {
        url: 'https://github.com/acme/payments-deploy.git',
        branch: 'main',
        path: './',
      },
      cluster: 'hub',
      podSecurityLevel: 'restricted',
    });
  });

  it('keeps given values', () => {
    const input = {
      ...valid,
      environments: ['dev', 'prod'],
      cluster: 'spoke-eu-1',
      podSecurityLevel: 'baseline',
      source: {
        url: 'ssh://git@github.com/acme/payments-deploy.git',
        branch: 'release',
        path: './deploy',
        secretName: 'payments-git',
      },
    };
    expect(parseTenantInput(input)).toEqual(input);
  });

  it.each([
    [{ name: 'Payments' }, `name: ${DNS_RULE}`],
    [{ ownerGroup: 'team_payments' }, `ownerGroup: ${DNS_RULE}`],
    [{ environments: ['dev', 'Prod'] }, `environments.1: ${DNS_RULE}`],
    [{ environments: 'dev' }, 'environments: must be a list of names'],
    [{ quotaTier: 'huge' }, 'quotaTier: must be one of small, medium, large'],
    [
      { networkExposure: 'public' },
      'networkExposure: must be one of none, ingress',
    ],
    [
      { podSecurityLevel: 'privileged' },
      'podSecurityLevel: must be one of restricted, baseline',
    ],
    [{ cluster: 'hub.eu' }, `cluster: ${DNS_RULE}`],
    [{ ownerGroup: undefined }, 'ownerGroup: is required'],
    [{ name: 42 }, 'name: must be a string'],
    [
      { source: { url: 'git@github.com:acme/payments.git' } },
      'source.url: must be an http(s):// or ssh:// Git URL (Flux does not accept scp-like git@host:path)',
    ],
    [
      { source: { url: valid.source.url, path: '../other' } },
      'source.path: must be a path relative to the repository root, without ".."',
    ],
    [
      { source: { url: valid.source.url, secretName: 'Git' } },
      `source.secretName: ${DNS_RULE}`,
    ],
    [{ qoutaTier: 'small' }, 'qoutaTier: is not a known field'],
  ])('rejects %j', (change, problem) => {
    expect(problemsOf({ ...valid, ...change })).toEqual([problem]);
  });

  it('rejects a name longer than 40 characters', () => {
    expect(problemsOf({ ...valid, name: 'p'.repeat(41) })).toEqual([
      'name: must be at most 40 characters so that derived names fit (has 41)',
    ]);
  });

  it('rejects an environment that makes the namespace too long', () => {
    const name = 'p'.repeat(40);
    expect(
      problemsOf({ ...valid, name, environments: ['e'.repeat(23)] }),
    ).toEqual([
      `environments.0: makes the namespace "${name}-${'e'.repeat(
        23,
      )}" longer than 63 characters; use a shorter environment or tenant name`,
    ]);
  });

  it('rejects a repeated environment', () => {
    expect(problemsOf({ ...valid, environments: ['dev', 'dev'] })).toEqual([
      'environments.1: must not repeat "dev"',
    ]);
  });

  it('lists every problem in the error message', () => {
    expect(() =>
      parseTenantInput({ ...valid, name: 'X', quotaTier: 'huge' }),
    ).toThrow(
      `Invalid tenant input: name: ${DNS_RULE}; quotaTier: must be one of small, medium, large`,
    );
  });

  it('rejects a value that is not an object', () => {
    expect(problemsOf('payments')).toEqual(['(input): must be an object']);
  });
});

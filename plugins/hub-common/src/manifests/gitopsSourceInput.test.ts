import {
  GitopsSourceInputError,
  parseGitopsSourceInput,
} from './gitopsSourceInput';

const valid = {
  name: 'infra-controllers',
  url: 'https://git.example.com/fleet/infra.git',
};

function problemsOf(raw: unknown): string[] {
  try {
    parseGitopsSourceInput(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(GitopsSourceInputError);
    return (error as GitopsSourceInputError).problems;
  }
  throw new Error('expected the input to be rejected');
}

const DNS_RULE =
  'must consist of lower-case letters, digits and "-", and start and end with a letter or digit (DNS-1123 label)';
const DURATION_RULE =
  'must be a Flux duration such as 30s, 1m, 10m or 1h (numbers followed by ms, s, m or h)';

describe('parseGitopsSourceInput', () => {
  it('fills defaults', () => {
    expect(parseGitopsSourceInput(valid)).toEqual({
      name: 'infra-controllers',
      namespace: 'flux-system',
      url: 'https://git.example.com/fleet/infra.git',
      ref: { branch: 'main' },
      path: './',
      interval: '10m',
      prune: true,
      wait: false,
      healthChecks: [],
      dependsOn: [],
      cluster: 'hub',
    });
  });

  it('keeps given values', () => {
    const input = {
      name: 'apps',
      namespace: 'fleet',
      url: 'ssh://git@git.example.com/fleet/apps.git',
      path: './apps/production',
      interval: '1h30m',
      prune: false,
      wait: true,
      healthChecks: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'web',
          namespace: 'shop',
        },
      ],
      dependsOn: ['infra-configs'],
      targetNamespace: 'shop',
      serviceAccountName: 'flux-restricted',
      timeout: '5m',
      cluster: 'spoke-eu-1',
    };
    expect(parseGitopsSourceInput({ ...input, branch: 'release' })).toEqual({
      ...input,
      ref: { branch: 'release' },
    });
  });

  it.each([
    [{ tag: 'v1.2.0' }, { tag: 'v1.2.0' }],
    [{ semver: '>=1.0.0 <2.0.0' }, { semver: '>=1.0.0 <2.0.0' }],
    [{ branch: 'develop' }, { branch: 'develop' }],
  ])('follows the one ref given: %j', (ref, expected) => {
    expect(parseGitopsSourceInput({ ...valid, ...ref }).ref).toEqual(expected);
  });

  it.each(['1m', '10m', '1h', '500ms', '1.5h', '1h30m', '30s'])(
    'accepts the duration %s',
    interval => {
      expect(parseGitopsSourceInput({ ...valid, interval }).interval).toBe(
        interval,
      );
    },
  );

  it.each([
    [{ name: 'Infra_1' }, `name: ${DNS_RULE}`],
    [{ name: undefined }, 'name: is required'],
    [{ namespace: 'Flux' }, `namespace: ${DNS_RULE}`],
    [{ url: undefined }, 'url: is required'],
    [
      { url: 'git@github.com:acme/fleet.git' },
      'url: must be an http(s):// or ssh:// Git URL (Flux does not accept scp-like git@host:path)',
    ],
    [{ branch: '' }, 'branch: must not be empty'],
    [
      { path: '../other' },
      'path: must be a path relative to the repository root, without ".."',
    ],
    [
      { path: '/abs' },
      'path: must be a path relative to the repository root, without ".."',
    ],
    [{ interval: '5 minutes' }, `interval: ${DURATION_RULE}`],
    [{ interval: '1d' }, `interval: ${DURATION_RULE}`],
    [{ interval: '' }, `interval: ${DURATION_RULE}`],
    [{ timeout: '-1m' }, `timeout: ${DURATION_RULE}`],
    [{ prune: 'yes' }, 'prune: must be true or false'],
    [{ wait: 1 }, 'wait: must be true or false'],
    [{ healthChecks: 'web' }, 'healthChecks: must be a list of objects'],
    [
      { healthChecks: [{ apiVersion: 'apps/v1', kind: 'Deployment' }] },
      'healthChecks.0.name: is required',
    ],
    [
      {
        healthChecks: [
          { apiVersion: 'v1', kind: 'Service', name: 'a', extra: 1 },
        ],
      },
      'healthChecks.0.extra: is not a known field',
    ],
    [{ dependsOn: 'infra' }, 'dependsOn: must be a list of names'],
    [{ dependsOn: ['Infra'] }, `dependsOn.0: ${DNS_RULE}`],
    [{ targetNamespace: 'Shop' }, `targetNamespace: ${DNS_RULE}`],
    [{ serviceAccountName: 'flux_sa' }, `serviceAccountName: ${DNS_RULE}`],
    [{ cluster: 'Spoke' }, `cluster: ${DNS_RULE}`],
    [{ secretName: 'creds' }, 'secretName: is not a known field'],
  ])('rejects %j', (change, problem) => {
    expect(problemsOf({ ...valid, ...change })).toEqual([problem]);
  });

  it('rejects more than one ref kind', () => {
    expect(
      problemsOf({ ...valid, branch: 'main', tag: 'v1', semver: '1.x' }),
    ).toEqual([
      'tag: must not be combined with branch; give exactly one of branch, tag or semver',
      'semver: must not be combined with branch; give exactly one of branch, tag or semver',
    ]);
    expect(problemsOf({ ...valid, tag: 'v1', semver: '1.x' })).toEqual([
      'semver: must not be combined with tag; give exactly one of branch, tag or semver',
    ]);
  });

  it('rejects a dependency on itself or a repeated one', () => {
    expect(
      problemsOf({
        ...valid,
        dependsOn: ['infra-controllers', 'policies', 'policies'],
      }),
    ).toEqual([
      'dependsOn.0: must not name the Kustomization itself ("infra-controllers")',
      'dependsOn.2: must not repeat "policies"',
    ]);
  });

  it('lists every problem in the error message', () => {
    expect(() =>
      parseGitopsSourceInput({ name: 'x', url: 'ftp://x/y', interval: '1d' }),
    ).toThrow(
      `Invalid GitOps source input: url: must be an http(s):// or ssh:// Git URL (Flux does not accept scp-like git@host:path); interval: ${DURATION_RULE}`,
    );
  });

  it('rejects input that is not an object', () => {
    expect(problemsOf('infra')).toEqual(['(input): must be an object']);
  });
});

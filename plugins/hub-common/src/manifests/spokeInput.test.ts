import { parseSpokeInput, SpokeInputError } from './spokeInput';

const valid = {
  name: 'eu-1',
  sourceUrl: 'https://git.example.com/fleet.git',
  sourceBranch: 'main',
  region: 'eu-west-1',
};

function problemsOf(raw: unknown): string[] {
  try {
    parseSpokeInput(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(SpokeInputError);
    expect((error as Error).name).toBe('InputError');
    return (error as SpokeInputError).problems;
  }
  throw new Error('expected the input to be refused');
}

describe('parseSpokeInput', () => {
  it('fills the defaults', () => {
    expect(parseSpokeInput(valid)).toEqual({
      ...valid,
      sourceName: 'flux-system',
      labels: {},
      layers: ['tenants', 'infra-controllers', 'infra-configs', 'apps'],
      path: './clusters/eu-1',
      serviceAccounts: {
        tenants: 'flux-cluster-admin',
        'infra-controllers': 'flux-cluster-admin',
        'infra-configs': 'flux-cluster-admin',
        apps: 'flux-restricted',
      },
    });
  });

  it('takes per-layer accounts and the source secret', () => {
    expect(
      parseSpokeInput({
        ...valid,
        layers: ['infra', 'apps'],
        serviceAccounts: { apps: 'flux-cluster-admin' },
        sourceSecretName: 'fleet-auth',
      }),
    ).toMatchObject({
      serviceAccounts: {
        infra: 'flux-cluster-admin',
        apps: 'flux-cluster-admin',
      },
      sourceSecretName: 'fleet-auth',
    });
  });

  it('refuses an unknown account and an account for a layer the spoke does not have', () => {
    expect(
      problemsOf({ ...valid, serviceAccounts: { apps: 'cluster-admin' } }),
    ).toEqual([
      'serviceAccounts.apps: must be one of flux-cluster-admin, flux-restricted',
    ]);
    expect(
      problemsOf({
        ...valid,
        serviceAccounts: { monitoring: 'flux-restricted' },
      }),
    ).toEqual([
      'serviceAccounts.monitoring: is not a layer of this spoke (layers: tenants, infra-controllers, infra-configs, apps)',
    ]);
  });

  it('keeps a given path, layers and labels', () => {
    const spoke = parseSpokeInput({
      ...valid,
      path: './fleet/eu-1',
      layers: ['infra', 'apps'],
      labels: { 'example.com/tier': 'gold' },
    });
    expect(spoke).toMatchObject({
      path: './fleet/eu-1',
      layers: ['infra', 'apps'],
      labels: { 'example.com/tier': 'gold' },
    });
  });

  it('names every problem by field with its rule', () => {
    expect(
      problemsOf({
        name: 'EU_1',
        sourceUrl: 'git@github.com:acme/fleet.git',
        region: 'eu west',
        layers: ['apps', 'apps'],
        path: '../elsewhere',
        kubeconfig: 'x',
      }),
    ).toEqual([
      'name: must consist of lower-case letters, digits and "-", and start and end with a letter or digit (DNS-1123 label)',
      'sourceUrl: must be an http(s):// or ssh:// Git URL (Flux does not accept scp-like git@host:path)',
      'sourceBranch: is required',
      'region: must be a label value: at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
      'path: must be a path relative to the repository root, without ".."',
      'kubeconfig: is not a known field',
    ]);
  });

  it('refuses repeated layers and no layers', () => {
    expect(problemsOf({ ...valid, layers: ['apps', 'apps'] })).toEqual([
      'layers.1: must not repeat "apps"',
    ]);
    expect(problemsOf({ ...valid, layers: [] })).toEqual([
      'layers: must name at least one layer',
    ]);
  });

  it('refuses labels Hubspoke sets itself and malformed ones', () => {
    expect(
      problemsOf({
        ...valid,
        labels: {
          'hubspoke.io/spoke': 'other',
          'bad key!': 'x',
          tier: 'not ok!',
        },
      }),
    ).toEqual([
      'labels.tier: must be a label value: at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
      'labels.hubspoke.io/spoke: is set by Hubspoke; choose another label key',
      'labels.bad key!: is not a valid label key ([prefix/]name)',
    ]);
  });
});

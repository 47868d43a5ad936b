import { parseFluxInstallInput } from '@hubspoke/backstage-plugin-hub-common';
import { buildFluxComponents } from './buildFluxComponents';
import { applyDeploymentPatches, lockdownPatches } from './lockdownPatches';

function argsOf(
  input: ReturnType<typeof parseFluxInstallInput>,
  name: string,
): string[] {
  const objects = applyDeploymentPatches(
    buildFluxComponents(input),
    lockdownPatches(input),
  );
  const found = objects.find(
    o => o.kind === 'Deployment' && o.metadata.name === name,
  ) as any;
  return found.spec.template.spec.containers[0].args;
}

describe('lockdownPatches', () => {
  const locked = parseFluxInstallInput({
    defaultServiceAccount: 'tenant-flux',
  });

  it('adds the multi-tenancy flags to the controllers that take them', () => {
    expect(argsOf(locked, 'kustomize-controller').slice(-3)).toEqual([
      '--no-cross-namespace-refs=true',
      '--no-remote-bases=true',
      '--default-service-account=tenant-flux',
    ]);
    expect(argsOf(locked, 'helm-controller').slice(-2)).toEqual([
      '--no-cross-namespace-refs=true',
      '--default-service-account=tenant-flux',
    ]);
    expect(argsOf(locked, 'notification-controller').slice(-1)).toEqual([
      '--no-cross-namespace-refs=true',
    ]);
    expect(argsOf(locked, 'source-controller').join(' ')).not.toMatch(
      /no-cross|default-service/,
    );
  });

  it('patches nothing when multi-tenancy is off', () => {
    expect(
      lockdownPatches(parseFluxInstallInput({ multiTenancy: false })),
    ).toEqual([]);
  });

  it('only targets installed controllers', () => {
    const input = parseFluxInstallInput({
      components: ['source-controller', 'kustomize-controller'],
    });
    expect(lockdownPatches(input).map(p => p.target.name)).toEqual([
      'kustomize-controller',
    ]);
  });
});

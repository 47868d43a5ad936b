import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FLUX_COMPONENTS,
  FLUX_VERSIONS,
} from '@hubspoke/backstage-plugin-hub-common';
import { fluxDistribution } from './fluxDistribution';

const buildFluxScript = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'testbed',
  'build-flux.sh',
);

describe('the Flux distributions', () => {
  it.each(FLUX_VERSIONS)(
    '%s offers every component the input schema names',
    version => {
      expect(Object.keys(fluxDistribution(version).components).sort()).toEqual(
        [...FLUX_COMPONENTS].sort(),
      );
    },
  );

  it('installs the controller releases the testbed builds and runs', () => {
    const script = readFileSync(buildFluxScript, 'utf8');
    const modules = /flux_modules=\(([^)]*)\)/
      .exec(script)?.[1]
      .trim()
      .split(/\s+/);
    const latest = fluxDistribution(FLUX_VERSIONS[FLUX_VERSIONS.length - 1]);
    expect(modules?.sort()).toEqual(
      Object.entries(latest.components)
        .map(([name, component]) => `${name}@${component.version}`)
        .sort(),
    );
  });
});

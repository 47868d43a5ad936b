import { FluxVersion } from '@hubspoke/backstage-plugin-hub-common';
import v2_9_5 from './distribution/flux-v2.9.5.json';
import { FluxDistribution } from './types';

const distributions: Record<FluxVersion, FluxDistribution> = {
  'v2.9.5': v2_9_5 as unknown as FluxDistribution,
};

/** The Flux release `version` as generated from its Go modules (scripts/generate-flux-distribution.mts). */
export function fluxDistribution(version: FluxVersion): FluxDistribution {
  return distributions[version];
}

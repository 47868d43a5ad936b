import {
  buildFluxSyncManifests,
  FluxInstallInput,
  FluxSyncCredentials,
  FluxSyncManifest,
  fluxSyncSecret,
} from '@hubspoke/backstage-plugin-hub-common';
import { sortForApply } from '../apply/sortForApply';
import { buildFluxComponents } from './buildFluxComponents';
import { applyDeploymentPatches, lockdownPatches } from './lockdownPatches';
import { UpstreamManifest } from './types';

export type FluxInstallManifest = UpstreamManifest | FluxSyncManifest;

/**
 * Everything `hub:flux:install` applies, in apply order: the components with the
 * multi-tenancy lockdown patched in, then (with a sync source) the credentials Secret
 * when credentials are given, the source and the Kustomization.
 */
export function buildFluxInstallManifests(
  input: FluxInstallInput,
  options: { credentials?: FluxSyncCredentials } = {},
): FluxInstallManifest[] {
  const components = applyDeploymentPatches(
    buildFluxComponents(input),
    lockdownPatches(input),
  );
  const { sync } = input;
  if (!sync) return sortForApply(components);
  const { credentials } = options;
  return sortForApply<FluxInstallManifest>([
    ...components,
    ...(credentials ? [fluxSyncSecret(input, sync, credentials)] : []),
    ...buildFluxSyncManifests(input, sync, {
      referencesSecret: Boolean(credentials),
    }),
  ]);
}

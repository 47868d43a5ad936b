import {
  FluxComponent,
  FluxInstallInput,
} from '@hubspoke/backstage-plugin-hub-common';
import { applyJsonPatch } from './jsonPatch';
import { DeploymentPatch, UpstreamManifest } from './types';

/** The controllers' flags of flux2-multi-tenancy's lockdown, per controller that takes them. */
function lockdownFlags(
  component: FluxComponent,
  defaultServiceAccount: string,
): string[] {
  const noCrossNamespaceRefs = '--no-cross-namespace-refs=true';
  const defaultAccount = `--default-service-account=${defaultServiceAccount}`;
  switch (component) {
    case 'kustomize-controller':
      return [noCrossNamespaceRefs, '--no-remote-bases=true', defaultAccount];
    case 'helm-controller':
      return [noCrossNamespaceRefs, defaultAccount];
    case 'notification-controller':
      return [noCrossNamespaceRefs];
    default:
      return [];
  }
}

/**
 * The multi-tenancy lockdown as kustomize patches on the controllers' Deployments:
 * tenants cannot reference sources in other namespaces or remote kustomize bases, and
 * their Kustomizations and HelmReleases run as `defaultServiceAccount` unless they name
 * one. Empty when multi-tenancy is off.
 */
export function lockdownPatches(input: FluxInstallInput): DeploymentPatch[] {
  if (!input.multiTenancy) return [];
  return input.components.flatMap(component => {
    const flags = lockdownFlags(component, input.defaultServiceAccount);
    return flags.length === 0
      ? []
      : [
          {
            target: { kind: 'Deployment' as const, name: component },
            patch: flags.map(value => ({
              op: 'add' as const,
              path: '/spec/template/spec/containers/0/args/-',
              value,
            })),
          },
        ];
  });
}

/** Applies Deployment patches the way kustomize does: to the objects their target names. */
export function applyDeploymentPatches(
  objects: UpstreamManifest[],
  patches: DeploymentPatch[],
): UpstreamManifest[] {
  return objects.map(object =>
    patches
      .filter(
        ({ target }) =>
          target.kind === object.kind && target.name === object.metadata.name,
      )
      .reduce((patched, { patch }) => applyJsonPatch(patched, patch), object),
  );
}

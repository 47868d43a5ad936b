/** The Flux kinds the status backend watches, with the API version it watches them at. */
export const HUB_FLUX_KINDS = {
  GitRepository: 'source.toolkit.fluxcd.io/v1',
  OCIRepository: 'source.toolkit.fluxcd.io/v1',
  HelmRepository: 'source.toolkit.fluxcd.io/v1',
  Kustomization: 'kustomize.toolkit.fluxcd.io/v1',
  HelmRelease: 'helm.toolkit.fluxcd.io/v2',
} as const;

export type HubFluxKind = keyof typeof HUB_FLUX_KINDS;

/** Whether `kind` is one of the watched Flux kinds. */
export function isHubFluxKind(kind: string): kind is HubFluxKind {
  return Object.prototype.hasOwnProperty.call(HUB_FLUX_KINDS, kind);
}

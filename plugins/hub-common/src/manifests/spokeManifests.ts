import { SpokeInput } from './spokeInput';
import { base64 } from './base64';
import {
  FluxKustomizationManifest,
  GitRepositoryManifest,
  NamespacedObjectMeta,
  NamespaceManifest,
  SecretManifest,
} from './types';

/** The objects of a spoke on the hub, in apply order. */
export type SpokeManifest =
  | NamespaceManifest
  | SecretManifest
  | GitRepositoryManifest
  | FluxKustomizationManifest;

/** Labels carried by every object of a spoke, on the hub and on the spoke. */
export function spokeLabels(spoke: string): Record<string, string> {
  return {
    'hubspoke.io/spoke': spoke,
    'app.kubernetes.io/managed-by': 'hubspoke',
  };
}

/** The hub Secret holding the spoke's kubeconfig, in the spoke's namespace. */
export function spokeKubeconfigSecretName(input: Pick<SpokeInput, 'name'>) {
  return `${input.name}-kubeconfig`;
}

function meta(input: SpokeInput, name: string): NamespacedObjectMeta {
  return { name, namespace: input.name, labels: spokeLabels(input.name) };
}

function spokeNamespace(input: SpokeInput): NamespaceManifest {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: input.name,
      labels: {
        ...input.labels,
        ...spokeLabels(input.name),
        'hubspoke.io/region': input.region,
      },
    },
  };
}

function kubeconfigSecret(
  input: SpokeInput,
  kubeconfig: string,
): SecretManifest {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta(input, spokeKubeconfigSecretName(input)),
    type: 'Opaque',
    data: { value: base64(kubeconfig) },
  };
}

/** The lockdown refuses cross-namespace source refs, so each spoke gets its own copy of the hub's source. */
function spokeGitRepository(input: SpokeInput): GitRepositoryManifest {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: meta(input, input.sourceName),
    spec: {
      interval: '1m',
      url: input.sourceUrl,
      ref: { branch: input.sourceBranch },
      ...(input.sourceSecretName && {
        secretRef: { name: input.sourceSecretName },
      }),
    },
  };
}

/** The Kustomization of one layer, e.g. `eu-1-apps` applying `./clusters/eu-1/apps`. */
export function spokeLayerName(input: Pick<SpokeInput, 'name'>, layer: string) {
  return `${input.name}-${layer}`;
}

function spokeKustomization(
  input: SpokeInput,
  layer: string,
  previous: string | undefined,
): FluxKustomizationManifest {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: meta(input, spokeLayerName(input, layer)),
    spec: {
      interval: '10m',
      retryInterval: '1m',
      timeout: '5m',
      // Impersonated on the spoke, in the spoke's namespace there (see spokeAccounts.ts).
      serviceAccountName: input.serviceAccounts[layer],
      sourceRef: { kind: 'GitRepository', name: input.sourceName },
      path: `${input.path.replace(/\/+$/, '') || '.'}/${layer}`,
      prune: true,
      // Later layers need the controllers and their CRDs in place, not merely applied.
      wait: layer.startsWith('infra'),
      ...(previous && {
        dependsOn: [{ name: spokeLayerName(input, previous) }],
      }),
      kubeConfig: { secretRef: { name: spokeKubeconfigSecretName(input) } },
      postBuild: {
        substitute: { CLUSTER_NAME: input.name, CLUSTER_REGION: input.region },
      },
    },
  };
}

/** The chain of layer Kustomizations, each depending on the one before. */
export function spokeKustomizations(
  input: SpokeInput,
): FluxKustomizationManifest[] {
  return input.layers.map((layer, index) =>
    spokeKustomization(input, layer, input.layers[index - 1]),
  );
}

/**
 * Everything the hub needs to reconcile a spoke, in apply order. The kubeconfig
 * Secret is included only when a kubeconfig is given: in a fleet repository it
 * would be a credential in plain text, so there it is created out of band. The
 * accounts the Kustomizations impersonate live on the spoke: see
 * buildSpokeAccountManifests.
 */
export function buildSpokeManifests(
  input: SpokeInput,
  options: { kubeconfig?: string } = {},
): SpokeManifest[] {
  return [
    spokeNamespace(input),
    ...(options.kubeconfig
      ? [kubeconfigSecret(input, options.kubeconfig)]
      : []),
    spokeGitRepository(input),
    ...spokeKustomizations(input),
  ];
}

/**
 * The two objects of a spoke on the hub that carry its credentials: the kubeconfig
 * Secret and the namespace it lives in. In gitops mode they are applied directly,
 * never written to the fleet repository.
 */
export function buildSpokeKubeconfigManifests(
  input: SpokeInput,
  kubeconfig: string,
): SpokeManifest[] {
  return [spokeNamespace(input), kubeconfigSecret(input, kubeconfig)];
}

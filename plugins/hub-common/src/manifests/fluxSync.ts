import { base64 } from './base64';
import { FluxInstallInput, FluxSyncInput } from './fluxInstallInput';
import {
  FluxKustomizationManifest,
  GitRepositoryManifest,
  NamespacedObjectMeta,
  OCIRepositoryManifest,
  SecretManifest,
} from './types';

/** Credentials of the sync source; they only ever come from task secrets. */
export type FluxSyncCredentials =
  | { type: 'basic'; username: string; password: string }
  | { type: 'ssh'; identity: string; knownHosts: string };

export type FluxSyncSourceManifest =
  | GitRepositoryManifest
  | OCIRepositoryManifest;

export type FluxSyncManifest =
  | SecretManifest
  | FluxSyncSourceManifest
  | FluxKustomizationManifest;

/** `flux bootstrap` names the sync source, its Kustomization and its Secret after the namespace. */
export function fluxSyncName(
  input: Pick<FluxInstallInput, 'namespace'>,
): string {
  return input.namespace;
}

function meta(input: FluxInstallInput): NamespacedObjectMeta {
  return {
    name: fluxSyncName(input),
    namespace: input.namespace,
    labels: { 'app.kubernetes.io/managed-by': 'hubspoke' },
  };
}

function secretData(
  sync: FluxSyncInput,
  credentials: FluxSyncCredentials,
): Pick<SecretManifest, 'type' | 'data'> {
  if (credentials.type === 'ssh') {
    return {
      type: 'Opaque',
      data: {
        identity: base64(credentials.identity),
        known_hosts: base64(credentials.knownHosts),
      },
    };
  }
  const { username, password } = credentials;
  if (sync.kind === 'OCIRepository') {
    const registry = sync.url.replace(/^oci:\/\//, '').split('/')[0];
    const auth = base64(`${username}:${password}`);
    const config = { auths: { [registry]: { username, password, auth } } };
    return {
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': base64(JSON.stringify(config)) },
    };
  }
  return {
    type: 'Opaque',
    data: { username: base64(username), password: base64(password) },
  };
}

/** The Secret the sync source reads its credentials from. Never written to a repository. */
export function fluxSyncSecret(
  input: FluxInstallInput,
  sync: FluxSyncInput,
  credentials: FluxSyncCredentials,
): SecretManifest {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta(input),
    ...secretData(sync, credentials),
  };
}

/**
 * The source and Kustomization that make Flux manage the cluster from the fleet
 * repository, as `flux bootstrap` writes them to gotk-sync.yaml. Under the
 * multi-tenancy lockdown the Kustomization runs as kustomize-controller, which keeps
 * cluster-admin, instead of the default service account tenants get.
 */
export function buildFluxSyncManifests(
  input: FluxInstallInput,
  sync: FluxSyncInput,
  options: { referencesSecret: boolean },
): [FluxSyncSourceManifest, FluxKustomizationManifest] {
  const name = fluxSyncName(input);
  const secretRef = options.referencesSecret ? { secretRef: { name } } : {};
  const source: FluxSyncSourceManifest =
    sync.kind === 'GitRepository'
      ? {
          apiVersion: 'source.toolkit.fluxcd.io/v1',
          kind: 'GitRepository',
          metadata: meta(input),
          spec: {
            interval: sync.interval,
            url: sync.url,
            ref: sync.ref,
            ...secretRef,
          },
        }
      : {
          apiVersion: 'source.toolkit.fluxcd.io/v1',
          kind: 'OCIRepository',
          metadata: meta(input),
          spec: {
            interval: sync.interval,
            url: sync.url,
            ref: sync.ref,
            ...secretRef,
          },
        };
  return [
    source,
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: meta(input),
      spec: {
        interval: '10m',
        path: sync.path,
        prune: true,
        sourceRef: { kind: sync.kind, name },
        ...(input.multiTenancy && {
          serviceAccountName: 'kustomize-controller',
        }),
      },
    },
  ];
}

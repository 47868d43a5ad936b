import { GitopsSourceInput } from './gitopsSourceInput';
import { base64 } from './base64';
import { renderYamlDocument } from './renderYaml';
import {
  FluxKustomizationManifest,
  GitRepositoryManifest,
  NamespacedObjectMeta,
  SecretManifest,
} from './types';

/** Git credentials for a source; they only ever come from task secrets. */
export interface GitopsSourceCredentials {
  username: string;
  password: string;
}

/** The objects of a source, in apply order. */
export type GitopsSourceManifest =
  | SecretManifest
  | GitRepositoryManifest
  | FluxKustomizationManifest;

const KUSTOMIZATION_FILE = 'kustomization.yaml';

function meta(input: GitopsSourceInput, name: string): NamespacedObjectMeta {
  return {
    name,
    namespace: input.namespace,
    labels: { 'app.kubernetes.io/managed-by': 'hubspoke' },
  };
}

/** The Secret a source's GitRepository reads its credentials from. */
export function gitopsSourceSecretName(
  input: Pick<GitopsSourceInput, 'name'>,
): string {
  return `${input.name}-git-auth`;
}

function secret(
  input: GitopsSourceInput,
  { username, password }: GitopsSourceCredentials,
): SecretManifest {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta(input, gitopsSourceSecretName(input)),
    type: 'Opaque',
    data: { username: base64(username), password: base64(password) },
  };
}

function gitRepository(
  input: GitopsSourceInput,
  withSecretRef: boolean,
): GitRepositoryManifest {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: meta(input, input.name),
    spec: {
      interval: input.interval,
      url: input.url,
      ref: input.ref,
      ...(withSecretRef && {
        secretRef: { name: gitopsSourceSecretName(input) },
      }),
    },
  };
}

// Empty lists and unset options are left out so the manifest shows only what was chosen.
function kustomization(input: GitopsSourceInput): FluxKustomizationManifest {
  const { healthChecks, dependsOn, targetNamespace, serviceAccountName } =
    input;
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: meta(input, input.name),
    spec: {
      interval: input.interval,
      sourceRef: { kind: 'GitRepository', name: input.name },
      path: input.path,
      prune: input.prune,
      wait: input.wait,
      ...(healthChecks.length > 0 && { healthChecks }),
      ...(dependsOn.length > 0 && {
        dependsOn: dependsOn.map(name => ({ name })),
      }),
      ...(targetNamespace && { targetNamespace }),
      ...(serviceAccountName && { serviceAccountName }),
      ...(input.timeout && { timeout: input.timeout }),
    },
  };
}

/**
 * The objects of a GitOps source: the credentials Secret (only when credentials are
 * given), the GitRepository and the Flux Kustomization that reconciles its path.
 */
export function buildGitopsSourceManifests(
  input: GitopsSourceInput,
  options: { withCredentials?: GitopsSourceCredentials } = {},
): GitopsSourceManifest[] {
  const { withCredentials } = options;
  return [
    ...(withCredentials ? [secret(input, withCredentials)] : []),
    gitRepository(input, Boolean(withCredentials)),
    kustomization(input),
  ];
}

/** The fleet repository folder that holds a source. */
export function gitopsSourceRoot(
  input: Pick<GitopsSourceInput, 'name'>,
): string {
  return `infrastructure/${input.name}`;
}

/**
 * The fleet repository files of a source, keyed by path relative to the repository
 * root. Credentials never go into the repository: with `referencesSecret` the
 * GitRepository names the Secret, which must be created out of band.
 */
export function gitopsSourceFiles(
  input: GitopsSourceInput,
  options: { referencesSecret?: boolean } = {},
): Record<string, string> {
  const root = gitopsSourceRoot(input);
  const objects = [
    gitRepository(input, Boolean(options.referencesSecret)),
    kustomization(input),
  ];
  const names = objects.map(
    object => `${object.kind.toLowerCase()}-${object.metadata.name}.yaml`,
  );
  const files: Record<string, string> = {};
  objects.forEach((object, index) => {
    files[`${root}/${names[index]}`] = renderYamlDocument(object);
  });
  files[`${root}/${KUSTOMIZATION_FILE}`] = renderYamlDocument({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: names,
  });
  return files;
}

/**
 * The entry to add to `resources` in `clusters/<cluster>/infrastructure/kustomization.yaml`,
 * relative to that file's folder.
 */
export function gitopsSourceClusterEntry(
  input: Pick<GitopsSourceInput, 'name'>,
): string {
  return `../../../${gitopsSourceRoot(input)}`;
}

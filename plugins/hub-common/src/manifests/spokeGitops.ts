import { renderYamlDocument } from './renderYaml';
import { SpokeInput } from './spokeInput';
import { buildSpokeManifests } from './spokeManifests';

/** The hub's folder of spokes in the fleet repository. */
export const SPOKES_GITOPS_DIR = 'clusters/hub/spokes';

/** The fleet repository folder that holds a spoke's hub objects. */
export function spokeGitopsRoot(input: Pick<SpokeInput, 'name'>): string {
  return `${SPOKES_GITOPS_DIR}/${input.name}`;
}

/**
 * The fleet repository files of a spoke, keyed by path relative to the repository
 * root: one file per object and a kustomization.yaml listing them. Never the
 * kubeconfig Secret.
 */
export function spokeGitopsFiles(input: SpokeInput): Record<string, string> {
  const root = spokeGitopsRoot(input);
  const files: Record<string, string> = {};
  const names: string[] = [];
  for (const object of buildSpokeManifests(input)) {
    const name = `${object.kind.toLowerCase()}-${object.metadata.name}.yaml`;
    files[`${root}/${name}`] = renderYamlDocument(object);
    names.push(name);
  }
  files[`${root}/kustomization.yaml`] = renderYamlDocument({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: names,
  });
  return files;
}

/** The entry to add to `resources` in `clusters/hub/spokes/kustomization.yaml`. */
export function spokeClusterEntry(input: Pick<SpokeInput, 'name'>): string {
  return input.name;
}

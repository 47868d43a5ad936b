import { renderYamlDocument } from './renderYaml';
import { SpokeInput } from './spokeInput';
import { buildSpokeManifests } from './spokeManifests';

/** The folder in a spoke's hub folder that lists the sync objects of its tenants. */
export const SPOKE_TENANTS_DIR = 'tenants';

/** The hub's folder of spokes in the fleet repository: `clusters/<hub>/spokes`. */
export function spokesGitopsDir(hub: string): string {
  return `clusters/${hub}/spokes`;
}

/** The fleet repository folder that holds a spoke's hub objects. */
export function spokeGitopsRoot(
  input: Pick<SpokeInput, 'name'>,
  hub: string,
): string {
  return `${spokesGitopsDir(hub)}/${input.name}`;
}

/**
 * The fleet repository files of a spoke, keyed by path relative to the repository
 * root: one file per object and a kustomization.yaml listing them and the spoke's
 * `tenants` folder (whose own kustomization.yaml the tenants' actions maintain).
 * Never the kubeconfig Secret.
 */
export function spokeGitopsFiles(
  input: SpokeInput,
  hub: string,
): Record<string, string> {
  const root = spokeGitopsRoot(input, hub);
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
    resources: [...names, SPOKE_TENANTS_DIR],
  });
  return files;
}

/** The entry to add to `resources` in `clusters/<hub>/spokes/kustomization.yaml`. */
export function spokeClusterEntry(input: Pick<SpokeInput, 'name'>): string {
  return input.name;
}

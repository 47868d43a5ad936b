import { renderYamlDocument } from '../manifests/renderYaml';
import { BackupInput } from './backupInput';
import { BackupManifest } from './backupTypes';

/** The fleet repository folder of a cluster's backup setup. */
export function backupGitopsRoot(input: Pick<BackupInput, 'cluster'>): string {
  return `infrastructure/backup/${input.cluster}`;
}

/** The entry in `clusters/<cluster>/infrastructure/kustomization.yaml`, relative to it. */
export function backupClusterEntry(
  input: Pick<BackupInput, 'cluster'>,
): string {
  return `../../../${backupGitopsRoot(input)}`;
}

/**
 * One file per object (Secrets never: credentials stay out of git) plus the
 * kustomization.yaml that lists them; `crdsYaml` becomes crds.yaml, listed first.
 * kustomize-controller applies CRDs before the objects that need them.
 */
export function backupGitopsFiles(
  input: BackupInput,
  objects: BackupManifest[],
  crdsYaml: string,
): Record<string, string> {
  const root = backupGitopsRoot(input);
  const files: Record<string, string> = { [`${root}/crds.yaml`]: crdsYaml };
  const names = ['crds.yaml'];
  for (const object of objects.filter(o => o.kind !== 'Secret')) {
    const name = `${object.kind.toLowerCase()}-${object.metadata.name}.yaml`;
    names.push(name);
    files[`${root}/${name}`] = renderYamlDocument(object);
  }
  files[`${root}/kustomization.yaml`] = renderYamlDocument({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: names,
  });
  return files;
}

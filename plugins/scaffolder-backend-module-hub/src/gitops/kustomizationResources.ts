import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { parse, stringify } from 'yaml';

interface KustomizeKustomization {
  apiVersion: string;
  kind: string;
  resources?: string[];
  [key: string]: unknown;
}

/**
 * Adds or removes one entry of `resources` in the kustomization.yaml of `directory`
 * (relative to the workspace), creating the file when it is missing. Entries stay
 * sorted and unique so that re-running an action leaves the file as it is.
 */
export async function updateKustomizationResources(
  workspacePath: string,
  directory: string,
  change: { add?: string; remove?: string },
): Promise<string> {
  const file = resolveSafeChildPath(
    workspacePath,
    `${directory}/kustomization.yaml`,
  );
  const current = await readKustomization(file);
  const resources = new Set(current.resources ?? []);
  if (change.add) resources.add(change.add);
  if (change.remove) resources.delete(change.remove);
  const updated = { ...current, resources: [...resources].sort() };
  await fs.mkdir(dirname(file), { recursive: true });
  await fs.writeFile(file, stringify(updated), 'utf8');
  return `${directory}/kustomization.yaml`;
}

async function readKustomization(
  file: string,
): Promise<KustomizeKustomization> {
  try {
    return parse(await fs.readFile(file, 'utf8')) as KustomizeKustomization;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
    return {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
    };
  }
}

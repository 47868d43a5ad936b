import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Dirent, promises as fs } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
const YAML_FILE = /\.ya?ml$/;

async function entriesOf(dir: string): Promise<Dirent[]> {
  try {
    return await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
}

async function yamlFiles(dir: string, skip: string): Promise<string[]> {
  const nested = await Promise.all(
    (
      await entriesOf(dir)
    ).map(entry => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        return SKIPPED_DIRS.has(entry.name) || path === skip
          ? []
          : yamlFiles(path, skip);
      }
      return YAML_FILE.test(entry.name) ? [path] : [];
    }),
  );
  return nested.flat();
}

function namespaceNames(text: string): string[] {
  return parseAllDocuments(text).flatMap(document => {
    if (!('toJS' in document) || document.errors.length > 0) {
      return [];
    }
    const object = document.toJS();
    return object?.kind === 'Namespace' &&
      object?.apiVersion === 'v1' &&
      typeof object?.metadata?.name === 'string'
      ? [object.metadata.name as string]
      : [];
  });
}

/**
 * The Namespaces the fleet repository in the workspace declares, with the file that
 * declares each, outside `ownDir` (both relative to `gitopsDir`). A Flux build that
 * met the same Namespace twice would fail, so the baseline must not declare these.
 */
export async function namespacesDeclaredInFleet(
  workspacePath: string,
  gitopsDir: string,
  ownDir: string,
): Promise<Map<string, string>> {
  const root = resolveSafeChildPath(workspacePath, gitopsDir);
  const declared = new Map<string, string>();
  for (const file of await yamlFiles(
    root,
    resolveSafeChildPath(root, ownDir),
  )) {
    for (const name of namespaceNames(await fs.readFile(file, 'utf8'))) {
      if (!declared.has(name)) {
        declared.set(name, relative(root, file));
      }
    }
  }
  return declared;
}

import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes files given by paths relative to `root` inside the scaffolder workspace.
 * Paths that would leave the workspace are refused by resolveSafeChildPath.
 */
export async function writeWorkspaceFiles(
  workspacePath: string,
  root: string,
  files: Record<string, string>,
): Promise<string[]> {
  const base = resolveSafeChildPath(workspacePath, root);
  const written: string[] = [];
  for (const [relativePath, content] of Object.entries(files)) {
    const target = resolveSafeChildPath(base, relativePath);
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.writeFile(target, content, 'utf8');
    written.push(relativePath);
  }
  return written;
}

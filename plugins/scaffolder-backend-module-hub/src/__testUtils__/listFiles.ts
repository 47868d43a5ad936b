import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file below `root`, as sorted paths relative to it. */
export async function listFiles(root: string, dir = ''): Promise<string[]> {
  const entries = await readdir(join(root, dir), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(e =>
      e.isDirectory()
        ? listFiles(root, join(dir, e.name))
        : [join(dir, e.name)],
    ),
  );
  return nested.flat().sort();
}

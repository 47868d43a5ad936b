import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The monorepo root: the closest folder above this package that holds `testbed/build.sh`. */
export function findRepoRoot(
  from: string = dirname(require.resolve('@hubspoke/testbed/package.json')),
): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'testbed', 'build.sh'))) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `No testbed/build.sh found in ${from} or any folder above it`,
      );
    }
    dir = parent;
  }
}

/** Where `testbed/build.sh` puts the launcher and the control plane binaries. */
export function testbedBinDir(repoRoot: string = findRepoRoot()): string {
  return join(repoRoot, 'testbed', '.build', 'bin');
}

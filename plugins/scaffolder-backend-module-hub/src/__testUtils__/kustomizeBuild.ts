import { testbedBinDir } from '@hubspoke/testbed';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';

const execFileAsync = promisify(execFile);

/**
 * Builds a folder of a fleet repository with the real kustomize (the testbed's
 * `kubectl kustomize`), as Flux would, and returns `Kind namespace/name` per object.
 */
export async function kustomizeBuild(dir: string): Promise<string[]> {
  const { stdout } = await execFileAsync(
    join(testbedBinDir(), 'kubectl'),
    ['kustomize', dir],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return parseAllDocuments(stdout)
    .map(document => document.toJS())
    .map(
      ({ kind, metadata }) =>
        `${kind} ${metadata.namespace ? `${metadata.namespace}/` : ''}${
          metadata.name
        }`,
    )
    .sort();
}

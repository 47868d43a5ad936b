import { LoggerService } from '@backstage/backend-plugin-api';
import { updateKustomizationResources } from '../gitops/kustomizationResources';
import { writeWorkspaceFiles } from '../gitops/writeWorkspaceFiles';

/** The parts of a scaffolder action context that writing gitops files needs. */
export interface GitopsContext {
  workspacePath: string;
  logger: LoggerService;
  output(name: string, value: unknown): void;
}

/** A kustomization.yaml folder (relative to the repository root) and the entry it must list. */
export interface GitopsIndex {
  dir: string;
  /** Without an entry the file is only made sure to exist. */
  entry?: string;
}

export interface GitopsDelivery {
  /** The fleet repository's folder in the workspace. */
  gitopsDir: string;
  /** File contents by path relative to the fleet repository's root. */
  files: Record<string, string>;
  /**
   * The kustomization.yaml files that list the new folders, with their entries; none
   * for folders Flux finds on its own.
   */
  index?: GitopsIndex | GitopsIndex[];
  dryRun: boolean;
}

export interface GitopsWritten {
  files: string[];
  summary: string;
}

/**
 * Gitops mode of every action: writes the files and lists them in the cluster's
 * kustomization.yaml files, or in a dry run only reports the paths. Sets the `files`
 * and `summary` outputs and returns them.
 */
export async function writeGitopsFiles(
  ctx: GitopsContext,
  { gitopsDir, files, index = [], dryRun }: GitopsDelivery,
): Promise<GitopsWritten> {
  if (dryRun) {
    const paths = Object.keys(files);
    ctx.logger.info(
      `dry run: would write ${paths.length} files under ${gitopsDir}`,
    );
    return report(ctx, paths, `${paths.length} files to write (dry run)`);
  }
  const written = await writeWorkspaceFiles(
    ctx.workspacePath,
    gitopsDir,
    files,
  );
  for (const { dir, entry } of [index].flat()) {
    written.push(
      await updateKustomizationResources(
        ctx.workspacePath,
        `${gitopsDir}/${dir}`,
        { add: entry },
      ),
    );
  }
  written.forEach(file => ctx.logger.info(`wrote ${file}`));
  return report(ctx, written, `${written.length} files written`);
}

function report(
  ctx: GitopsContext,
  files: string[],
  summary: string,
): GitopsWritten {
  ctx.output('files', files);
  ctx.output('summary', summary);
  return { files, summary };
}

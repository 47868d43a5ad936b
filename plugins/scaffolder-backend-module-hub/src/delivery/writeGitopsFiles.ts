import { LoggerService } from '@backstage/backend-plugin-api';
import { updateKustomizationResources } from '../gitops/kustomizationResources';
import { writeWorkspaceFiles } from '../gitops/writeWorkspaceFiles';

/** The parts of a scaffolder action context that writing gitops files needs. */
export interface GitopsContext {
  workspacePath: string;
  logger: LoggerService;
  output(name: string, value: unknown): void;
}

export interface GitopsDelivery {
  /** The fleet repository's folder in the workspace. */
  gitopsDir: string;
  /** File contents by path relative to the fleet repository's root. */
  files: Record<string, string>;
  /** The kustomization.yaml folder (relative to the repository root) that lists the new folder, and the entry. */
  index: { dir: string; entry: string };
  dryRun: boolean;
}

/**
 * Gitops mode of every action: writes the files and lists them in the cluster's
 * kustomization.yaml, or in a dry run only reports the paths. Sets the `files` and
 * `summary` outputs.
 */
export async function writeGitopsFiles(
  ctx: GitopsContext,
  { gitopsDir, files, index, dryRun }: GitopsDelivery,
): Promise<void> {
  if (dryRun) {
    const paths = Object.keys(files);
    ctx.logger.info(
      `dry run: would write ${paths.length} files under ${gitopsDir}`,
    );
    ctx.output('files', paths);
    ctx.output('summary', `${paths.length} files to write (dry run)`);
    return;
  }
  const written = await writeWorkspaceFiles(
    ctx.workspacePath,
    gitopsDir,
    files,
  );
  written.push(
    await updateKustomizationResources(
      ctx.workspacePath,
      `${gitopsDir}/${index.dir}`,
      {
        add: index.entry,
      },
    ),
  );
  written.forEach(file => ctx.logger.info(`wrote ${file}`));
  ctx.output('files', written);
  ctx.output('summary', `${written.length} files written`);
}

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { gitEnv } from './gitEnv';
import { GitRemote } from './gitServer';

const execFileAsync = promisify(execFile);

export interface CommitFilesOptions {
  /** Files to create or overwrite: content by path relative to the repository root. */
  files?: Record<string, string>;
  /** Files or folders to remove, relative to the repository root. */
  remove?: string[];
  /** Defaults to `Update <paths>`. */
  message?: string;
  /** Defaults to `main`; created from the default branch when missing. */
  branch?: string;
}

/**
 * Clones `remote` with the real `git` CLI into a temporary folder, writes and removes
 * files, commits and pushes over HTTP with the remote's basic-auth credentials.
 * Resolves with the new commit's SHA.
 */
export async function commitFiles(
  remote: GitRemote,
  options: CommitFilesOptions,
): Promise<string> {
  const { files = {}, remove = [], branch = 'main' } = options;
  const message =
    options.message ??
    `Update ${[...Object.keys(files), ...remove].join(', ') || 'nothing'}`;
  const basic = Buffer.from(`${remote.username}:${remote.password}`).toString(
    'base64',
  );
  // In the environment, not the URL: the credentials stay out of .git/config and ps.
  const env = gitEnv({ 'http.extraHeader': `Authorization: Basic ${basic}` });
  const workDir = await mkdtemp(join(tmpdir(), 'hubspoke-git-'));
  const git = async (...args: string[]) => {
    try {
      const { stdout } = await execFileAsync('git', args, {
        cwd: workDir,
        env,
      });
      return stdout.trim();
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      throw new Error(
        `git ${args.join(' ')} failed for ${remote.url}: ${
          stderr?.trim() || (error as Error).message
        }`,
      );
    }
  };
  try {
    await git('clone', '--quiet', remote.url, '.');
    await checkoutBranch(git, branch);
    for (const [path, content] of Object.entries(files)) {
      const target = inside(workDir, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    for (const path of remove) {
      await rm(inside(workDir, path), { recursive: true, force: true });
    }
    await git('add', '--all');
    await git('commit', '--quiet', '--allow-empty', '--message', message);
    await git('push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
    return await git('rev-parse', 'HEAD');
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function checkoutBranch(
  git: (...args: string[]) => Promise<string>,
  branch: string,
) {
  const remoteBranch = await git(
    'for-each-ref',
    '--format=%(refname)',
    `refs/remotes/origin/${branch}`,
  );
  if (remoteBranch) {
    await git('checkout', '--quiet', '-B', branch, `origin/${branch}`);
    return;
  }
  const hasCommits = await git('rev-parse', '--verify', '--quiet', 'HEAD').then(
    () => true,
    () => false,
  );
  if (hasCommits) {
    await git('checkout', '--quiet', '-b', branch);
  } else {
    // An empty repository: the first commit starts the branch.
    await git('symbolic-ref', 'HEAD', `refs/heads/${branch}`);
  }
}

/** `path` inside the working copy, refusing anything outside it or in `.git`. */
function inside(root: string, path: string): string {
  const target = normalize(join(root, path));
  const parts = relative(root, target).split(sep);
  if (parts[0] === '..' || parts[0] === '.git' || isAbsolute(parts[0])) {
    throw new Error(`Path "${path}" is outside the repository's files`);
  }
  return target;
}

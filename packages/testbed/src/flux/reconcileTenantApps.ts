import { commitFiles } from '../git/commitFiles';
import { GitServerRepository } from '../git/gitServer';
import {
  applyGitSource,
  applyObject,
  FluxObject,
  FluxObjectRef,
  kustomization,
  kustomizationRef,
  waitForAppliedRevision,
} from './fluxObjects';
import { FluxTenantFixture } from './fluxTenantFixture';

export interface TenantApps {
  repo: GitServerRepository;
  /** The GitRepository `app` in the tenant's namespace. */
  source: FluxObjectRef;
  /** The Kustomization `apps`, which applies `./apps` as the tenant. */
  kustomization: FluxObjectRef;
  /** The first commit, and the Kustomization once it has applied it. */
  sha: string;
  applied: FluxObject;
}

/**
 * Commits `files` to a new repository and makes the fixture's tenant reconcile its
 * `./apps` folder into the tenant namespace; resolves once that commit is applied.
 */
export async function reconcileTenantApps(
  { testbed, git, tenant }: FluxTenantFixture,
  repository: string,
  files: Record<string, string>,
  spec: Record<string, unknown> = {},
): Promise<TenantApps> {
  const { kubeConfig } = testbed;
  const namespace = tenant.name;
  const repo = await git.createRepository(repository);
  const sha = await commitFiles(repo, { files });
  const source = await applyGitSource(kubeConfig, namespace, 'app', repo);
  const ref = kustomizationRef(namespace, 'apps');
  await applyObject(
    kubeConfig,
    kustomization(namespace, 'apps', {
      path: './apps',
      source: 'app',
      targetNamespace: namespace,
      serviceAccountName: tenant.serviceAccountName,
      ...spec,
    }),
  );
  const applied = await waitForAppliedRevision(kubeConfig, ref, sha);
  return { repo, source, kustomization: ref, sha, applied };
}

import { CoreV1Api } from '@kubernetes/client-node';
import { apiErrorFrom } from '../apiErrorFrom';
import { commitFiles } from '../git/commitFiles';
import {
  GitServer,
  GitServerRepository,
  startGitServer,
} from '../git/gitServer';
import { createFluxTenant, FluxTenant } from './createFluxTenant';
import { connectToFluxTestbed, FluxTestbed } from './fluxTestbed';
import {
  applyGitSource,
  applyObject,
  condition,
  kustomization,
  kustomizationRef,
  waitForFlux,
} from './fluxObjects';
import { configMapYaml } from './manifests';

jest.setTimeout(120_000);

// The controllers run with the multi-tenancy lockdown: --no-cross-namespace-refs=true
// and --default-service-account=default. Each tenant has a ServiceAccount bound to the
// ClusterRole `admin` in its own namespace only.
describe('multi-tenancy enforced by the Flux controllers', () => {
  let testbed: FluxTestbed;
  let git: GitServer;
  const tenants: FluxTenant[] = [];

  async function tenant(prefix: string) {
    const t = await createFluxTenant(testbed.kubeConfig, prefix);
    tenants.push(t);
    return t;
  }

  async function repositoryWith(name: string, files: Record<string, string>) {
    const repo: GitServerRepository = await git.createRepository(name);
    const sha = await commitFiles(repo, { files });
    return { repo, sha };
  }

  beforeAll(async () => {
    testbed = await connectToFluxTestbed();
    git = await startGitServer();
  }, 300_000);

  afterAll(async () => {
    await Promise.all(tenants.map(t => t.delete()));
    await git?.stop();
    await testbed?.release();
  }, 120_000);

  it("refuses a tenant's write into another tenant's namespace with the API server's Forbidden", async () => {
    const { kubeConfig } = testbed;
    const red = await tenant('tenant-red');
    const blue = await tenant('tenant-blue');
    const { repo, sha } = await repositoryWith('red', {
      'apps/own.yaml': configMapYaml('own', { tenant: 'red' }, red.name),
      'apps/intrusion.yaml': configMapYaml(
        'intrusion',
        { tenant: 'red' },
        blue.name,
      ),
    });
    await applyGitSource(kubeConfig, red.name, 'app', repo);
    await applyObject(
      kubeConfig,
      kustomization(red.name, 'apps', {
        path: './apps',
        source: 'app',
        serviceAccountName: red.serviceAccountName,
      }),
    );
    const failed = await waitForFlux(
      kubeConfig,
      kustomizationRef(red.name, 'apps'),
      {
        status: 'False',
        and: o => o.status?.lastAttemptedRevision?.includes(sha) ?? false,
        description: `lastAttemptedRevision containing ${sha}`,
      },
    );
    expect(condition(failed, 'Ready')?.message).toContain(
      `ConfigMap/${blue.name}/intrusion dry-run failed (Forbidden): ` +
        `configmaps "intrusion" is forbidden: User "system:serviceaccount:${red.name}:flux" ` +
        `cannot patch resource "configmaps" in API group "" in the namespace "${blue.name}"`,
    );
    // The dry run of the whole set fails first, so nothing is applied, not even the
    // tenant's own object.
    const core = kubeConfig.makeApiClient(CoreV1Api);
    for (const [name, namespace] of [
      ['intrusion', blue.name],
      ['own', red.name],
    ]) {
      const error = await apiErrorFrom(
        core.readNamespacedConfigMap({ name, namespace }),
      );
      expect(error.code).toBe(404);
    }
  });

  it('impersonates the namespace\'s "default" ServiceAccount when serviceAccountName is not set', async () => {
    const { kubeConfig } = testbed;
    const green = await tenant('tenant-green');
    const { repo, sha } = await repositoryWith('green', {
      'apps/own.yaml': configMapYaml('own', { tenant: 'green' }, green.name),
    });
    await applyGitSource(kubeConfig, green.name, 'app', repo);
    await applyObject(
      kubeConfig,
      kustomization(green.name, 'apps', { path: './apps', source: 'app' }),
    );
    const failed = await waitForFlux(
      kubeConfig,
      kustomizationRef(green.name, 'apps'),
      {
        status: 'False',
        and: o => o.status?.lastAttemptedRevision?.includes(sha) ?? false,
        description: `lastAttemptedRevision containing ${sha}`,
      },
    );
    expect(condition(failed, 'Ready')?.message).toContain(
      `is forbidden: User "system:serviceaccount:${green.name}:default"`,
    );
  });

  it('blocks a Kustomization whose sourceRef is a GitRepository in another namespace', async () => {
    const { kubeConfig } = testbed;
    const owner = await tenant('tenant-owner');
    const other = await tenant('tenant-other');
    const { repo } = await repositoryWith('shared', {
      'apps/shared.yaml': configMapYaml('shared', { from: 'owner' }),
    });
    const source = await applyGitSource(kubeConfig, owner.name, 'app', repo);
    await waitForFlux(kubeConfig, source);
    await applyObject(
      kubeConfig,
      kustomization(other.name, 'apps', {
        path: './apps',
        source: 'app',
        sourceRef: {
          kind: 'GitRepository',
          name: 'app',
          namespace: owner.name,
        },
        targetNamespace: other.name,
        serviceAccountName: other.serviceAccountName,
      }),
    );
    const blocked = await waitForFlux(
      kubeConfig,
      kustomizationRef(other.name, 'apps'),
      {
        status: 'False',
        and: o => condition(o, 'Ready')?.reason === 'AccessDenied',
        description: 'reason AccessDenied',
      },
    );
    expect(condition(blocked, 'Stalled')?.status).toBe('True');
    expect(condition(blocked, 'Ready')?.message).toBe(
      `can't access 'GitRepository/${owner.name}/app', cross-namespace references have been blocked`,
    );
  });
});

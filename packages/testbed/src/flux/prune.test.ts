import { CoreV1Api } from '@kubernetes/client-node';
import { apiErrorFrom } from '../apiErrorFrom';
import { eventually } from '../eventually';
import { commitFiles } from '../git/commitFiles';
import { requestReconcile, waitForAppliedRevision } from './fluxObjects';
import { useFluxTenantFixture } from './fluxTenantFixture';
import { reconcileTenantApps } from './reconcileTenantApps';
import { configMapYaml } from './manifests';
import { reportTiming } from './reportTiming';

jest.setTimeout(120_000);

describe('a Kustomization with prune: true', () => {
  const fixture = useFluxTenantFixture('prune');

  it('deletes the object whose file was removed from git and keeps the others', async () => {
    const { testbed, tenant } = fixture;
    const { kubeConfig } = testbed;
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const namespace = tenant.name;
    const {
      repo,
      source,
      kustomization: ks,
      applied,
    } = await reconcileTenantApps(
      fixture,
      'prune',
      {
        'apps/keep.yaml': configMapYaml('keep', { stays: 'yes' }),
        'apps/drop.yaml': configMapYaml('drop', { stays: 'no' }),
      },
      { prune: true },
    );
    expect(applied.status?.inventory?.entries?.map(e => e.id).sort()).toEqual([
      `${namespace}_drop__ConfigMap`,
      `${namespace}_keep__ConfigMap`,
    ]);
    await core.readNamespacedConfigMap({ name: 'drop', namespace });

    const second = await commitFiles(repo, { remove: ['apps/drop.yaml'] });
    const started = Date.now();
    await requestReconcile(kubeConfig, source);
    await requestReconcile(kubeConfig, ks);
    await eventually(
      async () => {
        const error = await apiErrorFrom(
          core.readNamespacedConfigMap({ name: 'drop', namespace }),
        );
        expect(error.code).toBe(404);
      },
      { timeoutMs: 30_000 },
    );
    reportTiming('pruned after a reconcile request', Date.now() - started);
    const pruned = await waitForAppliedRevision(kubeConfig, ks, second, {
      timeoutMs: 10_000,
    });
    expect(pruned.status?.inventory?.entries?.map(e => e.id)).toEqual([
      `${namespace}_keep__ConfigMap`,
    ]);
    const kept = await core.readNamespacedConfigMap({
      name: 'keep',
      namespace,
    });
    expect(kept.data).toEqual({ stays: 'yes' });
  });
});

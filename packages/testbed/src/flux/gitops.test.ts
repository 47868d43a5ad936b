import { CoreV1Api } from '@kubernetes/client-node';
import { eventually } from '../eventually';
import { commitFiles } from '../git/commitFiles';
import {
  applyGitSource,
  applyObject,
  kustomization,
  kustomizationRef,
  requestReconcile,
  waitForAppliedRevision,
  waitForFlux,
} from './fluxObjects';
import { useFluxTenantFixture } from './fluxTenantFixture';
import { configMapYaml as configMap } from './manifests';
import { reportTiming } from './reportTiming';

jest.setTimeout(120_000);

describe('the GitOps loop with real Flux controllers', () => {
  const fixture = useFluxTenantFixture('gitops');

  it('applies a pushed commit, then the next one as soon as a reconcile is requested', async () => {
    const { testbed, git, tenant } = fixture;
    const { kubeConfig } = testbed;
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const namespace = tenant.name;
    const repo = await git.createRepository('gitops');
    const first = await commitFiles(repo, {
      files: {
        'apps/demo/settings.yaml': configMap('settings', { color: 'blue' }),
      },
    });

    let started = Date.now();
    const source = await applyGitSource(kubeConfig, namespace, 'app', repo);
    const ready = await waitForFlux(kubeConfig, source, {
      and: o => o.status?.artifact?.revision?.includes(first) ?? false,
      description: `artifact revision containing ${first}`,
    });
    reportTiming('GitRepository Ready after apply', Date.now() - started);
    expect(ready.status?.artifact?.revision).toBe(`main@sha1:${first}`);
    expect(ready.status?.artifact?.url).toContain(
      `http://${
        testbed.state.flux!.storageAddr
      }/gitrepository/${namespace}/app/`,
    );

    started = Date.now();
    const ks = kustomizationRef(namespace, 'apps');
    await applyObject(
      kubeConfig,
      kustomization(namespace, 'apps', {
        path: './apps',
        source: 'app',
        targetNamespace: namespace,
        serviceAccountName: tenant.serviceAccountName,
      }),
    );
    await waitForAppliedRevision(kubeConfig, ks, first);
    reportTiming('Kustomization applied after apply', Date.now() - started);
    const applied = await core.readNamespacedConfigMap({
      name: 'settings',
      namespace,
    });
    expect(applied.data).toEqual({ color: 'blue' });
    expect(applied.metadata?.labels).toMatchObject({
      'kustomize.toolkit.fluxcd.io/name': 'apps',
      'kustomize.toolkit.fluxcd.io/namespace': namespace,
    });

    const second = await commitFiles(repo, {
      files: {
        'apps/demo/settings.yaml': configMap('settings', { color: 'green' }),
        'apps/demo/extra.yaml': configMap('extra', { added: 'yes' }),
      },
    });
    started = Date.now();
    await requestReconcile(kubeConfig, source);
    await requestReconcile(kubeConfig, ks);
    await eventually(
      async () => {
        const settings = await core.readNamespacedConfigMap({
          name: 'settings',
          namespace,
        });
        expect(settings.data).toEqual({ color: 'green' });
        await core.readNamespacedConfigMap({ name: 'extra', namespace });
      },
      { timeoutMs: 30_000 },
    );
    reportTiming(
      'commit applied after a reconcile request',
      Date.now() - started,
    );
    await waitForAppliedRevision(kubeConfig, ks, second, { timeoutMs: 10_000 });
  });
});

import { CoreV1Api } from '@kubernetes/client-node';
import { commitFiles } from '../git/commitFiles';
import {
  condition,
  requestReconcile,
  waitForAppliedRevision,
  waitForFlux,
} from './fluxObjects';
import { useFluxTenantFixture } from './fluxTenantFixture';
import { reconcileTenantApps } from './reconcileTenantApps';
import { configMapYaml } from './manifests';
import { reportTiming } from './reportTiming';

jest.setTimeout(120_000);

// Not valid YAML: the flow sequence is never closed.
const brokenYaml = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  color: [blue
`;

describe('a broken manifest in git', () => {
  const fixture = useFluxTenantFixture('broken');

  it('makes the Kustomization fail with the reason, and the fix in git recovers it', async () => {
    const { testbed, tenant } = fixture;
    const { kubeConfig } = testbed;
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const namespace = tenant.name;
    const {
      repo,
      source,
      kustomization: ks,
      sha: good,
    } = await reconcileTenantApps(fixture, 'broken', {
      'apps/settings.yaml': configMapYaml('settings', { color: 'blue' }),
    });

    const broken = await commitFiles(repo, {
      files: { 'apps/settings.yaml': brokenYaml },
      message: 'Break settings.yaml',
    });
    let started = Date.now();
    await requestReconcile(kubeConfig, source);
    await requestReconcile(kubeConfig, ks);
    const failed = await waitForFlux(kubeConfig, ks, {
      status: 'False',
      and: o => o.status?.lastAttemptedRevision?.includes(broken) ?? false,
      description: `lastAttemptedRevision containing ${broken}`,
    });
    reportTiming('broken commit reported', Date.now() - started);
    const ready = condition(failed, 'Ready');
    expect(ready?.reason).toBe('BuildFailed');
    expect(ready?.message).toMatch(
      /^failed to decode Kubernetes YAML from \S+\/apps\/settings\.yaml: MalformedYAMLError: yaml: line 5: did not find expected ',' or ']'/,
    );
    // The last good revision stays applied, and so does its content.
    expect(failed.status?.lastAppliedRevision).toContain(good);
    const kept = await core.readNamespacedConfigMap({
      name: 'settings',
      namespace,
    });
    expect(kept.data).toEqual({ color: 'blue' });

    const fixed = await commitFiles(repo, {
      files: {
        'apps/settings.yaml': configMapYaml('settings', { color: 'red' }),
      },
      message: 'Fix settings.yaml',
    });
    started = Date.now();
    await requestReconcile(kubeConfig, source);
    await requestReconcile(kubeConfig, ks);
    await waitForAppliedRevision(kubeConfig, ks, fixed);
    reportTiming('fixed commit applied', Date.now() - started);
    const recovered = await core.readNamespacedConfigMap({
      name: 'settings',
      namespace,
    });
    expect(recovered.data).toEqual({ color: 'red' });
  });
});

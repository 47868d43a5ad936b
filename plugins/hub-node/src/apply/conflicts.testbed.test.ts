import {
  KubernetesObjectApi,
  PatchStrategy,
  V1ConfigMap,
} from '@kubernetes/client-node';
import {
  connectToTestbed,
  createTestNamespace,
  TestNamespace,
} from '@hubspoke/testbed';
import { configMap, readLive } from './__testUtils__/testObjects';
import { createApplyEngine } from './createApplyEngine';

const { kubeConfig } = connectToTestbed();
const engine = createApplyEngine({ kubeConfig });
let namespace: TestNamespace;

beforeAll(async () => {
  namespace = await createTestNamespace(kubeConfig, 'apply-conflict');
});

afterAll(async () => {
  await namespace?.delete();
});

/** Applies the ConfigMap as another tool would, so that it owns `.data.color`. */
async function applyAsOtherManager(name: string, color: string) {
  await KubernetesObjectApi.makeApiClient(kubeConfig).patch(
    configMap(namespace.name, name, { color }),
    undefined,
    undefined,
    'kubectl-edit',
    undefined,
    PatchStrategy.ServerSideApply,
  );
}

describe('ApplyEngine.apply with fields owned by another manager', () => {
  it('fails with a ConflictError naming the field and its manager', async () => {
    await applyAsOtherManager('settings', 'red');
    const ours = configMap(namespace.name, 'settings', { color: 'blue' });

    for (const dryRun of [true, false]) {
      await expect(engine.apply([ours], { dryRun })).rejects.toMatchObject({
        name: 'ConflictError',
        message: `ConfigMap ${namespace.name}/settings: field .data.color is owned by manager "kubectl-edit"; re-run with force to take it over`,
      });
    }
    const live = await readLive<V1ConfigMap>(kubeConfig, ours);
    expect(live?.data).toEqual({ color: 'red' });
  });

  it('takes the field over with force', async () => {
    await applyAsOtherManager('forced', 'red');
    const ours = configMap(namespace.name, 'forced', { color: 'blue' });

    const report = await engine.apply([ours], { force: true });

    expect(report.objects.map(o => o.action)).toEqual(['update']);
    const live = await readLive<V1ConfigMap>(kubeConfig, ours);
    expect(live?.data).toEqual({ color: 'blue' });
    const owners = live?.metadata?.managedFields
      ?.filter(entry => JSON.stringify(entry.fieldsV1).includes('f:color'))
      .map(entry => entry.manager);
    expect(owners).toEqual(['hubspoke']);
  });
});

import { V1ConfigMap } from '@kubernetes/client-node';
import {
  connectToTestbed,
  createTestNamespace,
  TestNamespace,
  uniqueName,
} from '@hubspoke/testbed';
import {
  configMap,
  namespacedObjects,
  namespaceObject,
  readLive,
  summarise,
  tenantObjects,
} from './__testUtils__/testObjects';
import { createApplyEngine } from './createApplyEngine';

const { kubeConfig } = connectToTestbed();
const engine = createApplyEngine({ kubeConfig });
const testNamespaces: TestNamespace[] = [];

async function testNamespace(): Promise<string> {
  const namespace = await createTestNamespace(kubeConfig, 'dry-run');
  testNamespaces.push(namespace);
  return namespace.name;
}

afterAll(async () => {
  await Promise.all(testNamespaces.map(n => n.delete()));
});

describe('ApplyEngine.apply with dryRun', () => {
  it('reports new objects as create and writes nothing', async () => {
    const namespace = await testNamespace();
    const objects = namespacedObjects(namespace);

    const report = await engine.apply(objects, { dryRun: true });

    expect(report.dryRun).toBe(true);
    expect(report.objects).toEqual([
      expect.objectContaining({ kind: 'ConfigMap', action: 'create' }),
      expect.objectContaining({ kind: 'RoleBinding', action: 'create' }),
      expect.objectContaining({ kind: 'ServiceAccount', action: 'create' }),
    ]);
    expect(report.objects.some(o => o.predicted)).toBe(false);
    for (const object of objects) {
      expect(await readLive(kubeConfig, object)).toBeUndefined();
    }
  });

  it('reports a changed object as update and leaves the live one alone', async () => {
    const namespace = await testNamespace();
    const original = configMap(namespace, 'settings', { color: 'blue' });
    await engine.apply([original]);
    const before = await readLive<V1ConfigMap>(kubeConfig, original);

    const unchanged = await engine.apply([original], { dryRun: true });
    const changed = await engine.apply(
      [configMap(namespace, 'settings', { color: 'green' })],
      { dryRun: true },
    );

    expect(summarise(unchanged.objects)).toEqual([
      `unchanged ConfigMap ${namespace}/settings`,
    ]);
    expect(summarise(changed.objects)).toEqual([
      `update ConfigMap ${namespace}/settings`,
    ]);
    const after = await readLive<V1ConfigMap>(kubeConfig, original);
    expect(after?.data).toEqual({ color: 'blue' });
    expect(after?.metadata?.resourceVersion).toBe(
      before?.metadata?.resourceVersion,
    );
  });

  it('predicts create for objects inside a Namespace the batch creates', async () => {
    const name = uniqueName('dry-run-tenant');

    const report = await engine.apply(tenantObjects(name), { dryRun: true });

    expect(summarise(report.objects)).toEqual([
      `create Namespace ${name}`,
      `create ConfigMap ${name}/settings`,
      `create RoleBinding ${name}/deployer-edit`,
      `create ServiceAccount ${name}/deployer`,
    ]);
    expect(report.objects.map(o => o.predicted ?? false)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(await readLive(kubeConfig, namespaceObject(name))).toBeUndefined();
  });

  it("fails for an object whose namespace neither exists nor is in the batch, with the server's message", async () => {
    const missing = uniqueName('dry-run-missing');

    await expect(
      engine.apply([configMap(missing, 'settings', { color: 'blue' })], {
        dryRun: true,
      }),
    ).rejects.toThrow(
      `ConfigMap ${missing}/settings: namespaces "${missing}" not found`,
    );
  });
});

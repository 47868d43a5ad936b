import {
  connectToTestbed,
  createTestNamespace,
  TestNamespace,
} from '@hubspoke/testbed';
import {
  configMap,
  namespacedObjects,
  readLive,
  summarise,
} from './__testUtils__/testObjects';
import { createApplyEngine } from './createApplyEngine';

const { kubeConfig } = connectToTestbed();
const engine = createApplyEngine({ kubeConfig });
const testNamespaces: TestNamespace[] = [];

async function testNamespace(): Promise<string> {
  const namespace = await createTestNamespace(kubeConfig, 'apply-delete');
  testNamespaces.push(namespace);
  return namespace.name;
}

afterAll(async () => {
  await Promise.all(testNamespaces.map(n => n.delete()));
});

describe('ApplyEngine.delete', () => {
  it('deletes exactly the objects, in reverse order, and reports gone ones absent', async () => {
    const namespace = await testNamespace();
    const objects = namespacedObjects(namespace);
    const bystander = configMap(namespace, 'bystander', { keep: 'me' });
    await engine.apply([...objects, bystander]);
    const neverCreated = configMap(namespace, 'never-created', {});

    const report = await engine.delete([...objects, neverCreated]);

    expect(summarise(report.objects)).toEqual([
      `absent ConfigMap ${namespace}/never-created`,
      `deleted ServiceAccount ${namespace}/deployer`,
      `deleted RoleBinding ${namespace}/deployer-edit`,
      `deleted ConfigMap ${namespace}/settings`,
    ]);
    for (const object of objects) {
      expect(await readLive(kubeConfig, object)).toBeUndefined();
    }
    expect(await readLive(kubeConfig, bystander)).toBeDefined();

    const again = await engine.delete(objects);
    expect(again.objects.map(o => o.action)).toEqual([
      'absent',
      'absent',
      'absent',
    ]);
  });

  it('reports objects of a kind the cluster does not serve as absent', async () => {
    const namespace = await testNamespace();

    const report = await engine.delete([
      {
        apiVersion: 'gadgets.hubspoke-test.io/v1',
        kind: 'Gadget',
        metadata: { name: 'g', namespace },
      },
    ]);

    expect(summarise(report.objects)).toEqual([`absent Gadget ${namespace}/g`]);
  });

  it('deletes nothing in a dry run', async () => {
    const namespace = await testNamespace();
    const settings = configMap(namespace, 'settings', { color: 'blue' });
    await engine.apply([settings]);

    const report = await engine.delete([settings], { dryRun: true });

    expect(report).toEqual({
      dryRun: true,
      objects: [expect.objectContaining({ action: 'deleted' })],
    });
    expect(await readLive(kubeConfig, settings)).toBeDefined();
  });
});

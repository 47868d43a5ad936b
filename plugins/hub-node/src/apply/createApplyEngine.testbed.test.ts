import {
  KubernetesObject,
  V1ConfigMap,
  V1NetworkPolicy,
  V1Secret,
} from '@kubernetes/client-node';
import {
  connectToTestbed,
  createTestNamespace,
  TestNamespace,
  uniqueName,
} from '@hubspoke/testbed';
import {
  configMap,
  deleteNamespaces,
  namespaceObject,
  readLive,
  summarise,
  tenantObjects,
} from './__testUtils__/testObjects';
import { createApplyEngine } from './createApplyEngine';

const { kubeConfig } = connectToTestbed();
const engine = createApplyEngine({ kubeConfig });
const namespacesToDelete: string[] = [];
const testNamespaces: TestNamespace[] = [];

async function testNamespace(): Promise<string> {
  const namespace = await createTestNamespace(kubeConfig, 'apply');
  testNamespaces.push(namespace);
  return namespace.name;
}

afterAll(async () => {
  await deleteNamespaces(kubeConfig, namespacesToDelete);
  await Promise.all(testNamespaces.map(n => n.delete()));
});

async function resourceVersions(objects: KubernetesObject[]) {
  return Promise.all(
    objects.map(
      async o => (await readLive(kubeConfig, o))?.metadata?.resourceVersion,
    ),
  );
}

describe('ApplyEngine.apply', () => {
  it('creates a set, reports a re-apply unchanged and a changed field as one update', async () => {
    const name = uniqueName('apply-set');
    namespacesToDelete.push(name);

    const created = await engine.apply(tenantObjects(name));
    expect(summarise(created.objects)).toEqual([
      `create Namespace ${name}`,
      `create ConfigMap ${name}/settings`,
      `create RoleBinding ${name}/deployer-edit`,
      `create ServiceAccount ${name}/deployer`,
    ]);
    const versions = await resourceVersions(tenantObjects(name));

    const again = await engine.apply(tenantObjects(name));
    expect(again.objects.map(o => o.action)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(await resourceVersions(tenantObjects(name))).toEqual(versions);

    const changed = await engine.apply(tenantObjects(name, 'green'));
    expect(summarise(changed.objects)).toEqual([
      `unchanged Namespace ${name}`,
      `update ConfigMap ${name}/settings`,
      `unchanged RoleBinding ${name}/deployer-edit`,
      `unchanged ServiceAccount ${name}/deployer`,
    ]);
    const live = await readLive<V1ConfigMap>(
      kubeConfig,
      configMap(name, 'settings', {}),
    );
    expect(live?.data).toEqual({ color: 'green' });
  });

  it('refuses a kind the cluster does not serve before writing anything', async () => {
    const namespace = await testNamespace();
    const newNamespace = uniqueName('apply-unserved');
    namespacesToDelete.push(newNamespace);
    const objects: KubernetesObject[] = [
      namespaceObject(newNamespace),
      configMap(namespace, 'settings', { color: 'blue' }),
      {
        apiVersion: 'gadgets.hubspoke-test.io/v1',
        kind: 'Gadget',
        metadata: { name: 'g', namespace },
      },
    ];

    await expect(engine.apply(objects)).rejects.toMatchObject({
      name: 'InputError',
      message: `objects[2] (Gadget ${namespace}/g): gadgets.hubspoke-test.io/v1 Gadget is not served by the cluster: install its CRD first`,
    });
    expect(await readLive(kubeConfig, objects[0])).toBeUndefined();
    expect(await readLive(kubeConfig, objects[1])).toBeUndefined();
  });

  it('names missing and misplaced namespaces, all at once', async () => {
    const namespace = await testNamespace();
    const objects: KubernetesObject[] = [
      configMap(namespace, 'fine', { color: 'blue' }),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'homeless' } },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: uniqueName('apply-role'), namespace },
      },
    ];

    await expect(engine.apply(objects)).rejects.toMatchObject({
      name: 'InputError',
      message:
        'objects[1] (ConfigMap homeless): metadata.namespace is required because v1 ConfigMap is namespaced; ' +
        `objects[2] (ClusterRole ${namespace}/${objects[2].metadata!.name}): ` +
        'metadata.namespace must not be set because rbac.authorization.k8s.io/v1 ClusterRole is cluster-scoped',
    });
    expect(await readLive(kubeConfig, objects[0])).toBeUndefined();
  });

  it('sends every field, including ones client-node names differently (ingress[].from)', async () => {
    const namespace = await testNamespace();
    const policy = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'from-team', namespace },
      spec: {
        podSelector: {},
        ingress: [{ from: [{ podSelector: { matchLabels: { team: 'a' } } }] }],
      },
    };

    await engine.apply([policy]);

    const live = await readLive<V1NetworkPolicy>(kubeConfig, policy);
    expect(live?.spec?.ingress?.[0]._from).toEqual([
      { podSelector: { matchLabels: { team: 'a' } } },
    ]);
  });

  it("reports a field the kind does not have with the API server's message", async () => {
    const namespace = await testNamespace();
    const object = {
      ...configMap(namespace, 'typo', { color: 'blue' }),
      dta: { color: 'red' },
    };

    await expect(engine.apply([object])).rejects.toThrow(
      new RegExp(
        `^ConfigMap ${namespace}/typo: .*\\.dta: field not declared in schema`,
      ),
    );
  });

  it('reports a changed Secret stringData value as an update and stores it', async () => {
    const namespace = await testNamespace();
    const secret = (password: string) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'git-auth', namespace },
      type: 'Opaque',
      stringData: { username: 'flux', password },
    });

    await engine.apply([secret('first')]);
    const same = await engine.apply([secret('first')]);
    const changed = await engine.apply([secret('second')]);

    expect(same.objects.map(o => o.action)).toEqual(['unchanged']);
    expect(changed.objects.map(o => o.action)).toEqual(['update']);
    const live = await readLive<V1Secret>(kubeConfig, secret('second'));
    expect(Buffer.from(live!.data!.password, 'base64').toString()).toBe(
      'second',
    );
  });
});

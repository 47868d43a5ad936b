import { CoreV1Api, V1ResourceQuota } from '@kubernetes/client-node';
import { apiErrorFrom } from './apiErrorFrom';
import { connectToTestbed } from './connectToTestbed';
import { createTestNamespace, TestNamespace } from './createTestNamespace';
import { eventually } from './eventually';

jest.setTimeout(60_000);

const { kubeConfig } = connectToTestbed();
const core = kubeConfig.makeApiClient(CoreV1Api);

describe('ResourceQuota', () => {
  let namespace: TestNamespace;

  beforeAll(async () => {
    namespace = await createTestNamespace(kubeConfig, 'quota');
    // The controller manager publishes kube-root-ca.crt into every namespace and it
    // counts against the quota: wait for it so the counts below are exact.
    await eventually(() =>
      core.readNamespacedConfigMap({
        name: 'kube-root-ca.crt',
        namespace: namespace.name,
      }),
    );
  });

  afterAll(() => namespace?.delete());

  function createConfigMap(name: string) {
    return core.createNamespacedConfigMap({
      namespace: namespace.name,
      body: { metadata: { name } },
    });
  }

  async function waitForQuotaUsed(expected: Record<string, string>) {
    return eventually(
      async () => {
        const current = await core.readNamespacedResourceQuota({
          name: 'small',
          namespace: namespace.name,
        });
        expect(current.status?.used).toEqual(expected);
        return current;
      },
      { timeoutMs: 30_000 },
    );
  }

  it('tracks usage and rejects a create beyond the quota', async () => {
    await core.createNamespacedResourceQuota({
      namespace: namespace.name,
      body: {
        metadata: { name: 'small' },
        spec: { hard: { pods: '2', configmaps: '3' } },
      },
    });
    // The controller manager's first count (kube-root-ca.crt only) races with creates
    // made meanwhile: it can miss them, and nothing recounts until the 5 min resync.
    const counted: V1ResourceQuota = await waitForQuotaUsed({
      pods: '0',
      configmaps: '1',
    });
    expect(counted.status?.hard).toEqual({ pods: '2', configmaps: '3' });

    // Until the admission plugin's cache has the counted quota, it refuses with
    // "status unknown for quota".
    await eventually(() => createConfigMap('first'), { timeoutMs: 10_000 });
    await waitForQuotaUsed({ pods: '0', configmaps: '2' });

    await createConfigMap('second');
    const error = await apiErrorFrom(createConfigMap('third'));
    expect(error.code).toBe(403);
    expect(error.message).toBe(
      'configmaps "third" is forbidden: exceeded quota: small, requested: configmaps=1, ' +
        'used: configmaps=3, limited: configmaps=3',
    );
  });
});

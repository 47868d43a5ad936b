import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { connectToTestbed } from './connectToTestbed';
import { createTestNamespace, TestNamespace } from './createTestNamespace';
import { eventually } from './eventually';

jest.setTimeout(90_000);

const { state, kubeConfig } = connectToTestbed();
const apps = kubeConfig.makeApiClient(AppsV1Api);
const core = kubeConfig.makeApiClient(CoreV1Api);

describe('Deployment on KWOK nodes', () => {
  let namespace: TestNamespace;

  beforeAll(async () => {
    namespace = await createTestNamespace(kubeConfig, 'kwok');
  });

  afterAll(() => namespace?.delete());

  it('schedules its pods onto the testbed nodes and KWOK reports them Running', async () => {
    await apps.createNamespacedDeployment({
      namespace: namespace.name,
      body: {
        metadata: { name: 'web' },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'web', image: 'nginx' }] },
          },
        },
      },
    });

    const pods = await eventually(
      async () => {
        const list = await core.listNamespacedPod({
          namespace: namespace.name,
          labelSelector: 'app=web',
        });
        const summary = list.items.map(pod => ({
          name: pod.metadata?.name,
          nodeName: pod.spec?.nodeName,
          phase: pod.status?.phase,
        }));
        expect(summary).toHaveLength(3);
        expect(summary.map(pod => pod.phase)).toEqual([
          'Running',
          'Running',
          'Running',
        ]);
        return list.items;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );

    for (const pod of pods) {
      expect(state.nodes).toContain(pod.spec?.nodeName);
    }
    const deployment = await eventually(
      async () => {
        const current = await apps.readNamespacedDeployment({
          name: 'web',
          namespace: namespace.name,
        });
        expect(current.status?.readyReplicas).toBe(3);
        return current;
      },
      { timeoutMs: 30_000 },
    );
    expect(deployment.status?.availableReplicas).toBe(3);
  });
});

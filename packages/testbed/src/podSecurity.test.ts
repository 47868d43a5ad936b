import { CoreV1Api, V1Pod } from '@kubernetes/client-node';
import { apiErrorFrom } from './apiErrorFrom';
import { connectToTestbed } from './connectToTestbed';
import { createTestNamespace, TestNamespace } from './createTestNamespace';

jest.setTimeout(60_000);

const { kubeConfig } = connectToTestbed();
const core = kubeConfig.makeApiClient(CoreV1Api);

function pod(name: string, spec: V1Pod['spec']): V1Pod {
  return { metadata: { name }, spec };
}

describe('PodSecurity admission', () => {
  let namespace: TestNamespace;

  beforeAll(async () => {
    namespace = await createTestNamespace(kubeConfig, 'pod-security', {
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
  });

  afterAll(() => namespace?.delete());

  it('rejects a privileged pod in a restricted namespace', async () => {
    const error = await apiErrorFrom(
      core.createNamespacedPod({
        namespace: namespace.name,
        body: pod('privileged', {
          containers: [
            {
              name: 'app',
              image: 'busybox',
              securityContext: { privileged: true },
            },
          ],
        }),
      }),
    );

    expect(error.code).toBe(403);
    expect(error.reason).toBe('Forbidden');
    expect(error.message).toContain(
      'pods "privileged" is forbidden: violates PodSecurity "restricted:latest": ',
    );
    expect(error.message).toContain(
      'privileged (container "app" must not set securityContext.privileged=true)',
    );
  });

  it('admits a pod that meets the restricted profile', async () => {
    const created = await core.createNamespacedPod({
      namespace: namespace.name,
      body: pod('restricted', {
        securityContext: {
          runAsNonRoot: true,
          runAsUser: 1000,
          seccompProfile: { type: 'RuntimeDefault' },
        },
        containers: [
          {
            name: 'app',
            image: 'busybox',
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
            },
          },
        ],
      }),
    });

    expect(created.metadata?.name).toBe('restricted');
    expect(created.metadata?.namespace).toBe(namespace.name);
  });
});

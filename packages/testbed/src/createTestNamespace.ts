import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { eventually } from './eventually';
import { uniqueName } from './uniqueName';

export interface TestNamespace {
  name: string;
  /** Starts the deletion and returns; tolerates a namespace that is already gone. */
  delete(): Promise<void>;
}

/**
 * Creates a namespace named `<prefix>-<random>` and waits for its `default`
 * ServiceAccount: pods are refused until the controller manager has created it.
 */
export async function createTestNamespace(
  kubeConfig: KubeConfig,
  prefix: string,
  labels: Record<string, string> = {},
): Promise<TestNamespace> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const name = uniqueName(prefix);
  await core.createNamespace({ body: { metadata: { name, labels } } });
  await eventually(
    () =>
      core.readNamespacedServiceAccount({ name: 'default', namespace: name }),
    { timeoutMs: 30_000 },
  );
  return {
    name,
    async delete() {
      try {
        await core.deleteNamespace({ name });
      } catch (error) {
        if ((error as { code?: unknown }).code !== 404) {
          throw error;
        }
      }
    },
  };
}

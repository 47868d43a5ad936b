import { mockServices } from '@backstage/backend-test-utils';
import { startTestbed, Testbed } from '@hubspoke/testbed';
import { readFile } from 'node:fs/promises';

export interface SpokeTestbed {
  testbed: Testbed;
  /** The spoke's admin kubeconfig, as the task secret spokeKubeconfig carries it. */
  kubeconfig: string;
  /** Its client key, which no log line or output may contain. */
  clientKey: string;
}

/**
 * Registers beforeAll/afterAll hooks that start a second control plane as a spoke
 * (no nodes, no Flux of its own). The fields are filled in by beforeAll, so read them
 * inside tests only.
 */
export function useSpokeTestbed(): SpokeTestbed {
  const spoke = {} as SpokeTestbed;
  beforeAll(async () => {
    spoke.testbed = await startTestbed({ nodes: 0 });
    spoke.kubeconfig = await readFile(spoke.testbed.state.kubeconfig, 'utf8');
    const keyData = spoke.testbed.kubeConfig().getCurrentUser()?.keyData;
    if (!keyData) {
      throw new Error("the spoke's admin kubeconfig has no client-key-data");
    }
    spoke.clientKey = keyData;
  }, 300_000);
  afterAll(async () => {
    await spoke.testbed?.stop();
  }, 120_000);
  return spoke;
}

/** Neither a log line nor an output may carry the spoke's credentials. */
export function expectNoKubeconfigIn(
  spoke: SpokeTestbed,
  logger: ReturnType<typeof mockServices.logger.mock>,
  output: jest.Mock,
) {
  const calls = [
    logger.debug,
    logger.info,
    logger.warn,
    logger.error,
    logger.child,
    output,
  ].flatMap(fn => (fn as jest.Mock).mock.calls);
  const text = JSON.stringify(calls);
  expect(text).not.toContain(spoke.clientKey);
  expect(text).not.toContain(Buffer.from(spoke.kubeconfig).toString('base64'));
}

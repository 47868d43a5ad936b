import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { scaffolderModuleHub } from './module';

function startWithConfig(data: object) {
  return startTestBackend({
    features: [
      scaffolderModuleHub,
      scaffolderPlugin,
      mockServices.rootConfig.factory({ data }),
    ],
  });
}

describe('scaffolderModuleHub', () => {
  it('starts with valid cluster config', async () => {
    await expect(
      startWithConfig({
        hubspoke: {
          hub: {
            name: 'hub',
            auth: { type: 'kubeconfig', kubeconfigPath: '/k' },
          },
        },
      }),
    ).resolves.toBeDefined();
  });

  it('stops the backend on invalid cluster config', async () => {
    await expect(
      startWithConfig({
        hubspoke: {
          spokes: [
            { name: 'eu', auth: { type: 'serviceAccountToken', token: 't' } },
          ],
        },
      }),
    ).rejects.toThrow(/hubspoke\.spokes\[0\]\.url is required/);
  });
});

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
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

  it("registers every hub action with the scaffolder's action list", async () => {
    const { server } = await startWithConfig({
      hubspoke: {
        hub: {
          name: 'hub',
          auth: { type: 'kubeconfig', kubeconfigPath: '/k' },
        },
      },
    });
    const response = await request(server).get('/api/scaffolder/v2/actions');
    expect(response.status).toBe(200);
    const ids = (response.body as Array<{ id: string }>)
      .map(action => action.id)
      .filter(id => id.startsWith('hub:'))
      .sort();
    expect(ids).toEqual([
      'hub:audit:configure',
      'hub:backup:configure',
      'hub:backup:verify',
      'hub:controlplane:plan',
      'hub:flux:install',
      'hub:gitops:source',
      'hub:monitoring:install',
      'hub:preflight',
      'hub:security:baseline',
      'hub:spoke:register',
      'hub:tenant:create',
      'hub:tenant:delete',
      'hub:verify',
    ]);
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

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { hubPlugin } from './plugin';

const hubspoke = {
  hub: {
    name: 'hub',
    title: 'Hub',
    auth: { type: 'kubeconfig', kubeconfigPath: '/secret/path/kubeconfig' },
  },
  spokes: [
    {
      name: 'spoke-eu-1',
      url: 'https://spoke-eu-1.example.com:6443',
      auth: { type: 'serviceAccountToken', token: 'super-secret-token' },
      caData: 'U0VDUkVUQ0E=',
    },
  ],
};

async function startBackend(config: object) {
  const { server } = await startTestBackend({
    features: [hubPlugin, mockServices.rootConfig.factory({ data: config })],
  });
  return server;
}

describe('hub backend plugin', () => {
  it('answers its health check without credentials', async () => {
    const server = await startBackend({ hubspoke });
    await request(server)
      .get('/api/hub/health')
      .set('Authorization', 'Bearer mock-none-token')
      .expect(200, { status: 'ok' });
  });

  it('lists the configured clusters without their credentials', async () => {
    const server = await startBackend({ hubspoke });
    const response = await request(server).get('/api/hub/clusters').expect(200);

    expect(response.body).toEqual({
      clusters: [
        { name: 'hub', title: 'Hub', role: 'hub', authType: 'kubeconfig' },
        {
          name: 'spoke-eu-1',
          role: 'spoke',
          apiUrl: 'https://spoke-eu-1.example.com:6443',
          authType: 'serviceAccountToken',
        },
      ],
    });
    expect(response.text).not.toMatch(
      /super-secret-token|U0VDUkVUQ0E=|\/secret\/path/,
    );
  });

  it('refuses the cluster list to unauthenticated callers', async () => {
    const server = await startBackend({ hubspoke });
    await request(server)
      .get('/api/hub/clusters')
      .set('Authorization', 'Bearer mock-none-token')
      .expect(401);
  });

  it('reports a cluster whose kubeconfig cannot be read as unreachable, without its path', async () => {
    const server = await startBackend({ hubspoke });
    const response = await request(server)
      .get('/api/hub/status/clusters')
      .expect(200);

    expect(response.body.clusters[0]).toMatchObject({
      name: 'hub',
      state: 'unreachable',
      reason: 'its client configuration could not be built (ENOENT)',
    });
    expect(response.text).not.toMatch(/super-secret-token|\/secret\/path/);
  });

  it('lists no clusters when none are configured', async () => {
    const server = await startBackend({});
    await request(server)
      .get('/api/hub/clusters')
      .expect(200, { clusters: [] });
  });

  it('fails to start on invalid cluster config, naming the key', async () => {
    await expect(
      startBackend({
        hubspoke: { hub: { ...hubspoke.hub, name: 'Not_Valid' } },
      }),
    ).rejects.toThrow(/hubspoke\.hub\.name "Not_Valid"/);
  });
});

import { HubClient } from './HubClient';

function clientAnswering(response: Response) {
  const fetch = jest.fn().mockResolvedValue(response);
  const client = new HubClient({
    discoveryApi: { getBaseUrl: async id => `http://backend.test/api/${id}` },
    fetchApi: { fetch },
  });
  return { client, fetch };
}

describe('HubClient', () => {
  it('reads the cluster list from the hub backend', async () => {
    const body = {
      clusters: [{ name: 'hub', role: 'hub', authType: 'kubeconfig' }],
    };
    const { client, fetch } = clientAnswering(
      new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
    );

    await expect(client.getClusters()).resolves.toEqual(body);
    expect(fetch).toHaveBeenCalledWith('http://backend.test/api/hub/clusters');
  });

  it('turns an error answer into a ResponseError with the backend message', async () => {
    const { client } = clientAnswering(
      new Response(
        JSON.stringify({
          error: { name: 'NotAllowedError', message: 'not for you' },
          response: { statusCode: 403 },
        }),
        {
          status: 403,
          statusText: 'Forbidden',
          headers: { 'Content-Type': 'application/json' },
        },
      ),
    );

    await expect(client.getClusters()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      cause: expect.objectContaining({
        name: 'NotAllowedError',
        message: 'not for you',
      }),
    });
  });
});

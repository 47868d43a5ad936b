import { ResponseError } from '@backstage/errors';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { HubApi, hubApiRef } from '../../api';
import { HubPage } from './HubPage';

function renderWith(getClusters: HubApi['getClusters']) {
  return renderInTestApp(
    <TestApiProvider apis={[[hubApiRef, { getClusters }]]}>
      <HubPage />
    </TestApiProvider>,
  );
}

describe('HubPage', () => {
  it('lists the hub and spoke clusters', async () => {
    await renderWith(async () => ({
      clusters: [
        {
          name: 'hub',
          title: 'Local hub',
          role: 'hub',
          authType: 'kubeconfig',
        },
        {
          name: 'spoke-eu-1',
          role: 'spoke',
          apiUrl: 'https://spoke-eu-1.example.com:6443',
          authType: 'serviceAccountToken',
        },
      ],
    }));

    expect(await screen.findByText('Clusters (2)')).toBeInTheDocument();
    expect(screen.getByText('Local hub')).toBeInTheDocument();
    expect(
      screen.getByText('https://spoke-eu-1.example.com:6443'),
    ).toBeInTheDocument();
    expect(screen.getByText('from kubeconfig')).toBeInTheDocument();
    expect(screen.getByText('service-account token')).toBeInTheDocument();
  });

  it('explains how to configure a hub when there is none', async () => {
    await renderWith(async () => ({ clusters: [] }));

    expect(
      await screen.findByText('No clusters configured'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Set hubspoke\.hub/)).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const response = new Response(
      JSON.stringify({ error: { name: 'Error', message: 'backend down' } }),
      {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { 'Content-Type': 'application/json' },
      },
    );
    const error = await ResponseError.fromResponse(response);
    await renderWith(() => Promise.reject(error));

    const [message] = await screen.findAllByText(/backend down/);
    expect(message).toBeInTheDocument();
  });
});

import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { hubApiRef } from './api';
import alphaPlugin from './alpha';
import { HubPage, hubPlugin } from './plugin';

describe('hub plugin', () => {
  it('has the plugin id the backend and the app config use', () => {
    expect(hubPlugin.getId()).toBe('hub');
    expect(alphaPlugin.pluginId).toBe('hub');
  });

  it('renders the Hub page as a routable extension of the legacy frontend system', async () => {
    const getClusters = async () => ({
      clusters: [
        { name: 'hub', role: 'hub' as const, authType: 'kubeconfig' as const },
      ],
    });
    await renderInTestApp(
      <TestApiProvider apis={[[hubApiRef, { getClusters }]]}>
        <Routes>
          <Route path="/hub" element={<HubPage />} />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/hub'] },
    );

    expect(await screen.findByText('Clusters (1)')).toBeInTheDocument();
  });
});

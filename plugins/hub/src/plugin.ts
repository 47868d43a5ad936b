import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { HubClient, hubApiRef } from './api';
import { rootRouteRef } from './routes';

/** The Hubspoke frontend plugin for apps on the legacy frontend system. */
export const hubPlugin = createPlugin({
  id: 'hub',
  apis: [
    createApiFactory({
      api: hubApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new HubClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/** The Hub page; mount it at /hub in a legacy app's routes. */
export const HubPage = hubPlugin.provide(
  createRoutableExtension({
    name: 'HubPage',
    component: () => import('./components/HubPage').then(m => m.HubPage),
    mountPoint: rootRouteRef,
  }),
);

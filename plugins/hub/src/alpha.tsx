import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import DeviceHubIcon from '@material-ui/icons/DeviceHub';
import { HubClient, hubApiRef } from './api';
import { rootRouteRef } from './routes';

const hubApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: hubApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new HubClient({ discoveryApi, fetchApi }),
    }),
});

const hubPage = PageBlueprint.make({
  params: {
    path: '/hub',
    title: 'Hub',
    icon: <DeviceHubIcon fontSize="inherit" />,
    noHeader: true,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () => import('./components/HubPage').then(m => <m.HubPage />),
  },
});

/**
 * The Hubspoke frontend plugin for apps on the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'hub',
  title: 'Hub',
  icon: <DeviceHubIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  extensions: [hubApi, hubPage],
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
  },
});

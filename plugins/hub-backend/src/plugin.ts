import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { readHubspokeConfig } from '@hubspoke/backstage-plugin-hub-node';
import { createRouter } from './service/router';
import { createClusterDirectory } from './services/ClusterDirectory';

/**
 * The Hubspoke backend plugin: serves the hub and spoke clusters under /api/hub.
 *
 * @public
 */
export const hubPlugin = createBackendPlugin({
  pluginId: 'hub',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
      },
      async init({ config, logger, httpAuth, httpRouter }) {
        const hubspokeConfig = readHubspokeConfig(config);
        const clusterDirectory = createClusterDirectory(hubspokeConfig);
        logger.info(
          `Hubspoke: hub ${hubspokeConfig.hub?.name ?? '(none configured)'}, ${
            hubspokeConfig.spokes.length
          } spoke(s) from config`,
        );
        httpRouter.use(await createRouter({ httpAuth, clusterDirectory }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});

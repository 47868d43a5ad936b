import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { readHubspokeConfig } from '@hubspoke/backstage-plugin-hub-node';
import { createClusterCaches } from './cache/createClusterCaches';
import { createStatusCache } from './cache/StatusCache';
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
        lifecycle: coreServices.lifecycle,
      },
      async init({ config, logger, httpAuth, httpRouter, lifecycle }) {
        const hubspokeConfig = readHubspokeConfig(config);
        const clusterDirectory = createClusterDirectory(hubspokeConfig);
        const statusCache = createStatusCache(
          createClusterCaches(hubspokeConfig, logger),
        );
        lifecycle.addStartupHook(() => statusCache.start());
        lifecycle.addShutdownHook(() => statusCache.stop());
        logger.info(
          `Hubspoke: hub ${hubspokeConfig.hub?.name ?? '(none configured)'}, ${
            hubspokeConfig.spokes.length
          } spoke(s) from config`,
        );
        httpRouter.use(
          await createRouter({ httpAuth, clusterDirectory, statusCache }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});

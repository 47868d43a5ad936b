import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readHubspokeConfig } from '@hubspoke/backstage-plugin-hub-node';

/**
 * The Hubspoke module of the scaffolder; it will register the `hub:*` actions.
 * Today it checks the cluster config at start-up.
 *
 * @public
 */
export const scaffolderModuleHub = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'hub',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
      },
      async init({ config }) {
        // Invalid cluster config stops the backend here rather than in a user's task.
        readHubspokeConfig(config);
      },
    });
  },
});

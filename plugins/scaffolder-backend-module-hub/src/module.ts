import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  readBackupConfig,
  readHubspokeConfig,
} from '@hubspoke/backstage-plugin-hub-node';
import { createAuditConfigureAction } from './actions/auditConfigure';
import { createBackupConfigureAction } from './actions/backupConfigure';
import { createBackupVerifyAction } from './actions/backupVerify';
import { createControlPlanePlanAction } from './actions/controlplanePlan';
import { createFluxInstallAction } from './actions/fluxInstall';
import { createGitopsSourceAction } from './actions/gitopsSource';
import { createMonitoringInstallAction } from './actions/monitoringInstall';
import { createPreflightAction } from './actions/preflight';
import { createSecurityBaselineAction } from './actions/securityBaseline';
import { createSpokeRegisterAction } from './actions/spokeRegister';
import { createTenantCreateAction } from './actions/tenantCreate';
import { createTenantDeleteAction } from './actions/tenantDelete';
import { createVerifyAction } from './actions/verify';
import { createClusterConnector } from './clusters/ClusterConnector';
import { hubEtcdClient } from './clusters/hubEtcdClient';

/**
 * The Hubspoke module of the scaffolder: registers the `hub:*` actions.
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
        scaffolderActions: scaffolderActionsExtensionPoint,
      },
      async init({ config, scaffolderActions }) {
        // Invalid cluster config stops the backend here rather than in a user's task.
        const clusters = createClusterConnector(readHubspokeConfig(config));
        const backup = readBackupConfig(config);
        scaffolderActions.addActions(
          createPreflightAction({ clusters }),
          createFluxInstallAction({ clusters }),
          createGitopsSourceAction({ clusters }),
          createSpokeRegisterAction({ clusters }),
          createTenantCreateAction({ clusters }),
          createTenantDeleteAction({ clusters }),
          createSecurityBaselineAction({ clusters }),
          createMonitoringInstallAction({ clusters }),
          createAuditConfigureAction({ clusters }),
          createBackupConfigureAction({ clusters }),
          createBackupVerifyAction({
            clusters,
            backup,
          }),
          createControlPlanePlanAction(),
          createVerifyAction({ clusters, hubEtcd: hubEtcdClient(backup) }),
        );
      },
    });
  },
});

import { applyObjects } from './applyObjects';
import { deleteObjects } from './deleteObjects';
import { ServerSideApplyClient } from './ServerSideApplyClient';
import { ApplyEngine, CreateApplyEngineOptions } from './types';

/** An ApplyEngine for the cluster `kubeConfig` points at. */
export function createApplyEngine({
  kubeConfig,
  fieldManager = 'hubspoke',
  logger,
}: CreateApplyEngineOptions): ApplyEngine {
  const client = ServerSideApplyClient.forConfig(kubeConfig);
  return {
    apply(objects, options = {}) {
      return applyObjects(objects, {
        client,
        fieldManager,
        force: options.force ?? false,
        dryRun: options.dryRun ?? false,
        waitForCrds: options.waitForCrds ?? true,
        logger,
      });
    },
    delete(objects, options = {}) {
      return deleteObjects(objects, {
        client,
        dryRun: options.dryRun ?? false,
        logger,
      });
    },
  };
}

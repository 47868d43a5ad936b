import { LoggerService } from '@backstage/backend-plugin-api';
import { KubernetesObject } from '@kubernetes/client-node';
import { applyErrorFor } from './apiErrors';
import { describeReference } from './objectReference';
import { inApplyOrder, ResolvedObject, resolveObjects } from './resolveObjects';
import { ServerSideApplyClient } from './ServerSideApplyClient';
import { DeletedObject, DeleteReport } from './types';

export interface DeleteObjectsContext {
  client: ServerSideApplyClient;
  dryRun: boolean;
  logger?: LoggerService;
}

/**
 * Deletes in the reverse of the apply order, so no object outlives what it lives in
 * (namespaced objects before their Namespace, custom objects before their CRD).
 */
export async function deleteObjects(
  objects: KubernetesObject[],
  context: DeleteObjectsContext,
): Promise<DeleteReport> {
  const resolved = await resolveObjects(context.client, objects, {
    requireServed: false,
  });
  const deleted: DeletedObject[] = [];
  for (const object of inApplyOrder(resolved).reverse()) {
    const result = await deleteObject(object, context);
    const mode = context.dryRun ? ' (dry run)' : '';
    context.logger?.debug(
      `${result.action} ${describeReference(result)}${mode}`,
    );
    deleted.push(result);
  }
  return { dryRun: context.dryRun, objects: deleted };
}

async function deleteObject(
  { ref, availability }: ResolvedObject,
  { client, dryRun }: DeleteObjectsContext,
): Promise<DeletedObject> {
  // No object can exist of a kind the cluster does not serve.
  if (availability !== 'served') {
    return { ...ref, action: 'absent' };
  }
  try {
    const existed = await client.deleteIfExists(ref, { dryRun });
    return { ...ref, action: existed ? 'deleted' : 'absent' };
  } catch (error) {
    throw applyErrorFor(ref, error);
  }
}

import { KubernetesObject } from '@kubernetes/client-node';
import { isDeepStrictEqual } from 'node:util';
import { applyErrorFor } from './apiErrors';
import { ResolvedObject } from './resolveObjects';
import { ServerSideApplyClient } from './ServerSideApplyClient';
import { ApplyAction, AppliedObject } from './types';

export interface ApplyObjectContext {
  client: ServerSideApplyClient;
  fieldManager: string;
  force: boolean;
  dryRun: boolean;
}

/**
 * Server-side applies one object (or dry-runs it) and reports what changed, judged
 * against the live object read just before.
 */
export async function applyObject(
  { object, ref }: ResolvedObject,
  { client, fieldManager, force, dryRun }: ApplyObjectContext,
): Promise<AppliedObject> {
  try {
    const live = await client.readIfExists(ref);
    const result = await client.serverSideApply(object, {
      fieldManager,
      force,
      dryRun,
    });
    return { ...ref, action: actionOf(live, result, dryRun) };
  } catch (error) {
    throw applyErrorFor(ref, error);
  }
}

function actionOf(
  live: KubernetesObject | undefined,
  result: KubernetesObject,
  dryRun: boolean,
): ApplyAction {
  if (!live) {
    return 'create';
  }
  // The API server skips the write of an apply that changes nothing, so the
  // resourceVersion stays. A dry run never bumps it, so there only the content tells.
  const unchanged = dryRun
    ? isDeepStrictEqual(comparable(live), comparable(result))
    : live.metadata?.resourceVersion === result.metadata?.resourceVersion;
  return unchanged ? 'unchanged' : 'update';
}

/** The object as JSON without the metadata every write changes. */
function comparable(object: KubernetesObject): unknown {
  const {
    managedFields,
    resourceVersion,
    generation,
    creationTimestamp,
    uid,
    ...metadata
  } = object.metadata ?? {};
  return JSON.parse(JSON.stringify({ ...object, metadata }));
}

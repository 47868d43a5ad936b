import { KubernetesObject } from '@kubernetes/client-node';
import { isDeepStrictEqual } from 'node:util';
import { applyErrorFor } from './apiErrors';
import { ResolvedObject } from './resolveObjects';
import { withSecretStringDataEncoded } from './secretData';
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
  const applied = withSecretStringDataEncoded(object);
  try {
    const live = await client.readIfExists(ref);
    const result = await client.serverSideApply(applied, {
      fieldManager,
      force,
      dryRun,
    });
    return { ...ref, action: actionOf(live, applied, result) };
  } catch (error) {
    throw applyErrorFor(ref, error);
  }
}

function actionOf(
  live: KubernetesObject | undefined,
  applied: KubernetesObject,
  result: KubernetesObject,
): ApplyAction {
  if (!live) {
    return 'create';
  }
  // Only the fields this apply sets count: controllers write status, finalizers and
  // annotations of their own at any time, so neither the resourceVersion nor the
  // whole object tells whether the apply itself changed something.
  const unchanged = isDeepStrictEqual(
    fieldsSetBy(applied, live),
    fieldsSetBy(applied, result),
  );
  return unchanged ? 'unchanged' : 'update';
}

/** The values `object` holds at the paths `template` sets; lists are compared whole. */
function fieldsSetBy(template: unknown, object: unknown): unknown {
  if (!isPlainObject(template) || !isPlainObject(object)) {
    return object;
  }
  return Object.fromEntries(
    Object.keys(template).map(key => [
      key,
      fieldsSetBy(template[key], object[key]),
    ]),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { V1CustomResourceDefinition } from '@kubernetes/client-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeReference } from './objectReference';
import { ServerSideApplyClient } from './ServerSideApplyClient';
import { KubernetesObjectReference } from './types';

const POLL_INTERVAL_MS = 250;

export interface WaitForCrdsOptions {
  /** The CRDs just applied. */
  crds: KubernetesObjectReference[];
  /** Kinds the rest of the batch needs from them. */
  kinds: { apiVersion: string; kind: string }[];
  timeoutMs: number;
}

/**
 * Waits until every CRD is Established and discovery lists every kind the batch
 * needs: the API server updates discovery shortly after the condition, and
 * KubernetesObjectApi builds URLs from discovery.
 */
export async function waitForCrds(
  client: ServerSideApplyClient,
  { crds, kinds, timeoutMs }: WaitForCrdsOptions,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const seconds = timeoutMs / 1000;
  for (const crd of crds) {
    await pollUntil(deadline, async () => {
      const problem = await establishedProblem(client, crd);
      return problem && `${problem} ${seconds} s after it was applied`;
    });
  }
  client.forgetDiscovery();
  for (const { apiVersion, kind } of kinds) {
    await pollUntil(deadline, async () =>
      (await client.resourceFor(apiVersion, kind))
        ? undefined
        : `${apiVersion} ${kind} is still not served ${seconds} s after its CRD was applied`,
    );
  }
}

/** Calls `check` until it reports no problem; throws its last problem at the deadline. */
async function pollUntil(
  deadline: number,
  check: () => Promise<string | undefined>,
): Promise<void> {
  for (;;) {
    const problem = await check();
    if (!problem) {
      return;
    }
    if (Date.now() + POLL_INTERVAL_MS > deadline) {
      throw new Error(problem);
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

async function establishedProblem(
  client: ServerSideApplyClient,
  crd: KubernetesObjectReference,
): Promise<string | undefined> {
  const live = (await client.readIfExists(crd)) as
    | V1CustomResourceDefinition
    | undefined;
  const conditions = live?.status?.conditions ?? [];
  if (conditions.some(c => c.type === 'Established' && c.status === 'True')) {
    return undefined;
  }
  const described = conditions
    .map(c => `${c.type}=${c.status}${c.message ? ` (${c.message})` : ''}`)
    .join(', ');
  return `${describeReference(crd)} is not Established (${
    described || 'no conditions yet'
  })`;
}

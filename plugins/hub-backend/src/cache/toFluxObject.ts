import { KubernetesObject } from '@kubernetes/client-node';
import {
  HubCheckStatus,
  HubConditionStatus,
  HubFluxKind,
  HubFluxObject,
} from '@hubspoke/backstage-plugin-hub-common';

interface FluxFields {
  spec?: { suspend?: boolean };
  status?: {
    conditions?: Array<{
      type?: string;
      status?: string;
      reason?: string;
      message?: string;
      lastTransitionTime?: string | Date;
    }>;
    artifact?: { revision?: string };
    lastAppliedRevision?: string;
    lastAttemptedRevision?: string;
  };
}

function readyStatus(status: string | undefined): HubConditionStatus {
  return status === 'True' || status === 'False' ? status : 'Unknown';
}

function checkStatus(
  ready: HubConditionStatus,
  suspended: boolean,
): HubCheckStatus {
  if (suspended || ready === 'Unknown') {
    return 'warn';
  }
  return ready === 'True' ? 'pass' : 'fail';
}

/** The status model of one cached Flux object; `tenant` from its namespace's label. */
export function toFluxObject(
  cluster: string,
  kind: HubFluxKind,
  object: KubernetesObject,
  tenant: string | undefined,
): HubFluxObject {
  const { spec, status } = object as FluxFields;
  const condition = status?.conditions?.find(c => c.type === 'Ready');
  const ready = readyStatus(condition?.status);
  const suspended = spec?.suspend === true;
  const transition = condition?.lastTransitionTime;
  return {
    cluster,
    kind,
    namespace: object.metadata?.namespace ?? '',
    name: object.metadata?.name ?? '',
    ready,
    status: checkStatus(ready, suspended),
    reason: condition?.reason,
    message: condition?.message,
    suspended,
    revision:
      status?.artifact?.revision ??
      status?.lastAppliedRevision ??
      status?.lastAttemptedRevision,
    lastTransitionTime:
      transition instanceof Date ? transition.toISOString() : transition,
    tenant,
  };
}

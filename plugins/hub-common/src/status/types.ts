import { HubCheckStatus } from '../checks';
import { HubClusterRole } from '../clusters';
import { HubFluxKind } from './fluxKinds';

/** The label on a namespace that names the tenant owning it. */
export const HUB_TENANT_LABEL = 'hubspoke.io/tenant';

/** The value of a Kubernetes condition's `status`. */
export type HubConditionStatus = 'True' | 'False' | 'Unknown';

/** One Flux object as the watch cache last saw it. */
export interface HubFluxObject {
  cluster: string;
  kind: HubFluxKind;
  namespace: string;
  name: string;
  /** The `Ready` condition's status; `Unknown` when the object has none yet. */
  ready: HubConditionStatus;
  /** pass when Ready, fail when not, warn while unknown or suspended. */
  status: HubCheckStatus;
  reason?: string;
  message?: string;
  suspended: boolean;
  /** The artifact revision of a source, the last applied revision of an applier. */
  revision?: string;
  /** ISO 8601 time of the Ready condition's last transition. */
  lastTransitionTime?: string;
  /** From the namespace's `hubspoke.io/tenant` label. */
  tenant?: string;
}

/** How far the watch cache of one cluster has got. */
export type HubClusterState = 'syncing' | 'ready' | 'unreachable';

/** One watched kind of one cluster. */
export interface HubWatchedKind {
  kind: string;
  apiVersion: string;
  /** ISO 8601 time of the last list or watch event for this kind. */
  lastEventAt?: string;
}

/** The watch cache's view of one cluster. */
export interface HubClusterStatus {
  name: string;
  role: HubClusterRole;
  state: HubClusterState;
  /** Why the cluster is unreachable (or still syncing after a failure). */
  reason?: string;
  /** ISO 8601 time of the last change the cache took in while every kind was listed and watched. */
  lastSyncedAt?: string;
  /**
   * ISO 8601 time up to which the data is known good: the response time while the cluster
   * is ready, the moment its watches were lost while it is unreachable.
   */
  lastGoodDataAt?: string;
  /** Kinds whose CRD the cluster lacks, so they are not watched. */
  skippedKinds: string[];
  kinds: HubWatchedKind[];
}

/** How old one cluster's data in a response is. */
export interface HubDataAge {
  cluster: string;
  state: HubClusterState;
  /** Milliseconds from `lastGoodDataAt` to `generatedAt`: 0 while watched, absent if never synced. */
  ageMs?: number;
}

/** Every status response: when it was made and how old each cluster's data is. */
export interface HubStatusEnvelope {
  /** ISO 8601 time the response was built (from memory). */
  generatedAt: string;
  dataAge: HubDataAge[];
}

/** Response of `GET /api/hub/status/clusters`. */
export interface HubClusterStatusList extends HubStatusEnvelope {
  clusters: HubClusterStatus[];
}

/** Response of `GET /api/hub/flux`. */
export interface HubFluxObjectList extends HubStatusEnvelope {
  items: HubFluxObject[];
}

/** The filters of `GET /api/hub/flux`; every one optional. */
export interface HubFluxFilter {
  cluster?: string;
  kind?: HubFluxKind;
  tenant?: string;
  status?: HubCheckStatus;
  /** Case-insensitive text found in the namespace, name, reason or message. */
  q?: string;
}

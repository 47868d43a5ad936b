import {
  HUB_FLUX_KINDS,
  HUB_TENANT_LABEL,
  HubClusterStatus,
  HubClusterStatusList,
  HubDataAge,
  HubFluxFilter,
  HubFluxKind,
  HubFluxObject,
  HubFluxObjectList,
} from '@hubspoke/backstage-plugin-hub-common';
import { ClusterCache } from './ClusterCache';
import { toFluxObject } from './toFluxObject';

/** Fleet status served from the watch caches alone: no call reaches an API server. */
export interface StatusCache {
  start(): void;
  stop(): void;
  clusterStatuses(): HubClusterStatusList;
  fluxObjects(filter: HubFluxFilter): HubFluxObjectList;
}

function dataAge(status: HubClusterStatus, now: Date): HubDataAge {
  return {
    cluster: status.name,
    state: status.state,
    ageMs: status.lastGoodDataAt
      ? now.getTime() - Date.parse(status.lastGoodDataAt)
      : undefined,
  };
}

function tenantsByNamespace(cache: ClusterCache): Map<string, string> {
  const tenants = new Map<string, string>();
  for (const namespace of cache.objects('Namespace')) {
    const tenant = namespace.metadata?.labels?.[HUB_TENANT_LABEL];
    if (tenant && namespace.metadata?.name) {
      tenants.set(namespace.metadata.name, tenant);
    }
  }
  return tenants;
}

function clusterFluxObjects(
  cache: ClusterCache,
  kinds: HubFluxKind[],
): HubFluxObject[] {
  const tenants = tenantsByNamespace(cache);
  return kinds.flatMap(kind =>
    cache
      .objects(kind)
      .map(object =>
        toFluxObject(
          cache.name,
          kind,
          object,
          tenants.get(object.metadata?.namespace ?? ''),
        ),
      ),
  );
}

function matches(object: HubFluxObject, filter: HubFluxFilter): boolean {
  if (filter.tenant !== undefined && object.tenant !== filter.tenant) {
    return false;
  }
  if (filter.status !== undefined && object.status !== filter.status) {
    return false;
  }
  if (filter.q) {
    const text = filter.q.toLowerCase();
    return [object.namespace, object.name, object.reason, object.message].some(
      field => field?.toLowerCase().includes(text),
    );
  }
  return true;
}

function byIdentity(a: HubFluxObject, b: HubFluxObject): number {
  return (
    a.cluster.localeCompare(b.cluster) ||
    a.kind.localeCompare(b.kind) ||
    a.namespace.localeCompare(b.namespace) ||
    a.name.localeCompare(b.name)
  );
}

export function createStatusCache(clusters: ClusterCache[]): StatusCache {
  const statuses = (now: Date) => clusters.map(c => c.status(now));
  return {
    start: () => clusters.forEach(c => c.start()),
    stop: () => clusters.forEach(c => c.stop()),
    clusterStatuses() {
      const now = new Date();
      const list = statuses(now);
      return {
        generatedAt: now.toISOString(),
        dataAge: list.map(s => dataAge(s, now)),
        clusters: list,
      };
    },
    fluxObjects(filter) {
      const now = new Date();
      const selected = clusters.filter(
        c => filter.cluster === undefined || c.name === filter.cluster,
      );
      const kinds = filter.kind
        ? [filter.kind]
        : (Object.keys(HUB_FLUX_KINDS) as HubFluxKind[]);
      const items = selected
        .flatMap(c => clusterFluxObjects(c, kinds))
        .filter(object => matches(object, filter))
        .sort(byIdentity);
      return {
        generatedAt: now.toISOString(),
        dataAge: selected.map(c => dataAge(c.status(now), now)),
        items,
      };
    },
  };
}

import { LoggerService } from '@backstage/backend-plugin-api';
import { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import {
  HubClusterRole,
  HubClusterStatus,
} from '@hubspoke/backstage-plugin-hub-common';
import { KindWatch } from './KindWatch';
import { WATCHED_KINDS, WatchedKind } from './watchedKinds';

export interface ClusterCacheOptions {
  name: string;
  role: HubClusterRole;
  /** The client configuration, or why it could not be built. */
  kubeConfig: KubeConfig | { problem: string };
  requestTimeoutMs: number;
  resyncIntervalMs: number;
  logger: LoggerService;
  kinds?: WatchedKind[];
}

/** The informers of one cluster and the cluster state they add up to. */
export class ClusterCache {
  private readonly watches: KindWatch[];
  private syncedAt?: Date;
  private loggedState?: string;
  private readonly problem?: string;

  constructor(private readonly options: ClusterCacheOptions) {
    const kubeConfig = options.kubeConfig;
    if (!(kubeConfig instanceof KubeConfig)) {
      this.watches = [];
      this.problem = kubeConfig.problem;
      return;
    }
    this.watches = (options.kinds ?? WATCHED_KINDS).map(
      kind =>
        new KindWatch({
          kubeConfig,
          kind,
          requestTimeoutMs: options.requestTimeoutMs,
          resyncIntervalMs: options.resyncIntervalMs,
          onChange: () => this.changed(),
        }),
    );
  }

  get name(): string {
    return this.options.name;
  }

  start(): void {
    this.logTransition();
    this.watches.forEach(watch => watch.start());
  }

  stop(): void {
    this.watches.forEach(watch => watch.stop());
  }

  /** The cached objects of one kind; empty for a kind not watched or skipped. */
  objects(kind: string): ReadonlyArray<KubernetesObject> {
    return this.watches.find(w => w.kind.kind === kind)?.objects() ?? [];
  }

  status(now: Date): HubClusterStatus {
    if (this.problem) {
      return {
        name: this.options.name,
        role: this.options.role,
        state: 'unreachable',
        reason: this.problem,
        skippedKinds: [],
        kinds: [],
      };
    }
    const failed = this.watches.flatMap(w =>
      w.state.phase === 'failed' ? [{ kind: w.kind.kind, ...w.state }] : [],
    );
    const complete = this.watches.every(
      w => w.state.phase === 'watching' || w.state.phase === 'skipped',
    );
    let state: HubClusterStatus['state'] = 'syncing';
    if (failed.length > 0) {
      state = 'unreachable';
    } else if (complete) {
      state = 'ready';
    }
    const lostAt = failed.reduce<Date | undefined>(
      (earliest, f) => (earliest && earliest < f.since ? earliest : f.since),
      undefined,
    );
    let lastGoodDataAt: Date | undefined;
    if (state === 'ready') {
      lastGoodDataAt = now;
    } else if (this.syncedAt) {
      lastGoodDataAt =
        lostAt && lostAt > this.syncedAt ? lostAt : this.syncedAt;
    }
    return {
      name: this.options.name,
      role: this.options.role,
      state,
      reason: failed.length
        ? failed.map(f => `${f.kind}: ${f.reason}`).join('; ')
        : undefined,
      lastSyncedAt: this.syncedAt?.toISOString(),
      lastGoodDataAt: lastGoodDataAt?.toISOString(),
      skippedKinds: this.watches
        .filter(w => w.state.phase === 'skipped')
        .map(w => w.kind.kind),
      kinds: this.watches.map(w => ({
        kind: w.kind.kind,
        apiVersion: w.kind.apiVersion,
        lastEventAt: w.lastEventAt?.toISOString(),
      })),
    };
  }

  private changed(): void {
    const complete = this.watches.every(
      w => w.state.phase === 'watching' || w.state.phase === 'skipped',
    );
    if (complete) {
      this.syncedAt = new Date();
    }
    this.logTransition();
  }

  /** One line per change of state; reasons name URLs and socket errors, never credentials. */
  private logTransition(): void {
    const { state, reason, skippedKinds } = this.status(new Date());
    if (state === this.loggedState) {
      return;
    }
    this.loggedState = state;
    const name = this.options.name;
    if (state === 'unreachable') {
      this.options.logger.warn(`cluster ${name} is unreachable: ${reason}`);
    } else if (state === 'ready') {
      const skipped = skippedKinds.length
        ? `; no CRD for ${skippedKinds.join(', ')}`
        : '';
      this.options.logger.info(`cluster ${name} is watched${skipped}`);
    }
  }
}

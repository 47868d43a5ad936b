import {
  KubeConfig,
  KubernetesListObject,
  KubernetesObject,
  ListWatch,
} from '@kubernetes/client-node';
import { describeWatchError, isNotFound } from './describeWatchError';
import { TrackedWatch } from './TrackedWatch';
import { WatchedKind } from './watchedKinds';

/** Where the watch of one kind stands. */
export type KindWatchState =
  | { phase: 'connecting' }
  | { phase: 'watching' }
  | { phase: 'skipped' }
  | { phase: 'failed'; reason: string; since: Date };

export interface KindWatchOptions {
  kubeConfig: KubeConfig;
  kind: WatchedKind;
  requestTimeoutMs: number;
  resyncIntervalMs: number;
  /** Called whenever the state or the objects change. */
  onChange(): void;
}

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;

interface Connection {
  informer: ListWatch<KubernetesObject>;
  watch: TrackedWatch;
}

/**
 * The informer of one kind on one cluster: lists then watches, reconnects with backoff
 * after an error and relists every resync interval. Until a new connection is watching,
 * the last good objects stay served, so an outage shows old data rather than none.
 */
export class KindWatch {
  private serving?: Connection;
  private connecting?: Connection;
  private retryTimer?: NodeJS.Timeout;
  private resyncTimer?: NodeJS.Timeout;
  private backoffMs = MIN_BACKOFF_MS;
  private stopped = false;
  state: KindWatchState = { phase: 'connecting' };
  lastEventAt?: Date;

  constructor(private readonly options: KindWatchOptions) {}

  get kind(): WatchedKind {
    return this.options.kind;
  }

  objects(): ReadonlyArray<KubernetesObject> {
    return this.serving?.informer.list() ?? [];
  }

  start(): void {
    this.connect();
    this.resyncTimer = setInterval(
      () => this.connect(),
      this.options.resyncIntervalMs,
    );
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.resyncTimer);
    for (const connection of [this.serving, this.connecting]) {
      if (connection) {
        close(connection);
      }
    }
  }

  private connect(): void {
    clearTimeout(this.retryTimer);
    if (this.stopped) {
      return;
    }
    if (this.connecting) {
      close(this.connecting);
    }
    const watch = new TrackedWatch(this.options.kubeConfig);
    const informer = new ListWatch<KubernetesObject>(
      this.kind.path,
      watch,
      () => this.list(),
      false,
    );
    const connection: Connection = { informer, watch };
    this.connecting = connection;
    watch.onEstablished = () => this.established(connection);
    informer.on('change', () => this.event(connection));
    informer.on('error', error => this.failed(connection, error));
    informer.start().catch(error => this.failed(connection, error));
  }

  private async list(): Promise<KubernetesListObject<KubernetesObject>> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`no answer within ${this.options.requestTimeoutMs} ms`),
          ),
        this.options.requestTimeoutMs,
      );
    });
    try {
      const list = await Promise.race([
        this.kind.list(this.options.kubeConfig),
        timeout,
      ]);
      if (this.stopped) {
        // Makes the informer give up instead of opening a watch after stop().
        throw new Error('the cache was stopped');
      }
      this.lastEventAt = new Date();
      return list;
    } finally {
      clearTimeout(timer);
    }
  }

  private established(connection: Connection): void {
    if (this.stopped || !this.isCurrent(connection)) {
      return;
    }
    if (this.connecting === connection) {
      const previous = this.serving;
      this.serving = connection;
      this.connecting = undefined;
      if (previous) {
        close(previous);
      }
    }
    this.backoffMs = MIN_BACKOFF_MS;
    this.state = { phase: 'watching' };
    this.options.onChange();
  }

  private event(connection: Connection): void {
    if (this.serving === connection) {
      this.lastEventAt = new Date();
      this.options.onChange();
    }
  }

  private failed(connection: Connection, error: unknown): void {
    if (this.stopped || !this.isCurrent(connection)) {
      return;
    }
    close(connection);
    if (this.connecting === connection) {
      this.connecting = undefined;
    }
    if (isNotFound(error)) {
      // No CRD for the kind: not an error; the resync looks again.
      this.state = { phase: 'skipped' };
    } else {
      const since =
        this.state.phase === 'failed' ? this.state.since : new Date();
      this.state = {
        phase: 'failed',
        reason: describeWatchError(error),
        since,
      };
      this.retryTimer = setTimeout(() => this.connect(), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    }
    this.options.onChange();
  }

  /** A connection replaced by a newer one no longer decides the state. */
  private isCurrent(connection: Connection): boolean {
    return this.connecting
      ? this.connecting === connection
      : this.serving === connection;
  }
}

function close(connection: Connection): void {
  connection.watch.close();
  connection.informer.stop().catch(() => {});
}

import { Watch } from '@kubernetes/client-node';

/**
 * A Watch that reports when a watch request is established, and that aborts any watch
 * still being opened once it is closed: ListWatch.stop() only aborts a request it already
 * holds, so a watch opened during stop() would otherwise outlive the backend.
 */
export class TrackedWatch extends Watch {
  /** Called each time a watch request is answered and its stream is open. */
  onEstablished: () => void = () => {};
  private closed = false;
  private readonly open = new Set<OpenWatch>();

  override async watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: any, watchObj?: any) => void,
    done: (err: any) => void,
  ): Promise<AbortController> {
    const entry: OpenWatch = { finished: false };
    // Bookmarks keep the resource version fresh, so a reconnect seldom needs a relist.
    const params = { ...queryParams, allowWatchBookmarks: true };
    entry.controller = await super.watch(path, params, callback, err => {
      entry.finished = true;
      this.open.delete(entry);
      done(err);
    });
    if (this.closed) {
      entry.controller.abort();
    } else if (!entry.finished) {
      this.open.add(entry);
      this.onEstablished();
    }
    return entry.controller;
  }

  close(): void {
    this.closed = true;
    this.open.forEach(entry => entry.controller?.abort());
    this.open.clear();
  }
}

interface OpenWatch {
  controller?: AbortController;
  finished: boolean;
}

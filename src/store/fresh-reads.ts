import type { VersionReads } from "./owned-versions.js";

/**
 * Concurrent reads of the same key share one database round trip, but never one that began
 * before they were asked: a read that arrives while a query is running waits for the next one,
 * which starts when the running one ends and serves everyone who queued meanwhile. Each answer
 * therefore reflects every write committed before its request arrived (on any server), while a
 * burst of N requests costs at most two queries instead of N. Caches keyed by what this returns
 * (the workspace version) stay exactly as valid as reading the database every time.
 */
export class FreshReads<V> implements VersionReads<V> {
  private readonly running = new Map<string, Promise<V>>();
  private readonly queued = new Map<string, Promise<V>>();

  constructor(private readonly load: (key: string) => Promise<V>) {}

  read(key: string): Promise<V> {
    const queued = this.queued.get(key);
    if (queued) return queued;
    const running = this.running.get(key);
    if (!running) return this.start(key);
    const next = running.then(
      () => this.startQueued(key),
      () => this.startQueued(key),
    );
    this.queued.set(key, next);
    return next;
  }

  /** Writes need nothing here: every read asks the database. */
  write<T>(transaction: () => Promise<T>): Promise<T> {
    return transaction();
  }

  private startQueued(key: string): Promise<V> {
    this.queued.delete(key);
    return this.start(key);
  }

  private start(key: string): Promise<V> {
    const query: Promise<V> = this.load(key).finally(() => {
      if (this.running.get(key) === query) this.running.delete(key);
    });
    this.running.set(key, query);
    return query;
  }
}

/**
 * How the store learns a workspace's current version, the key of every version-keyed cache.
 * `write` wraps each write transaction so an implementation can tell reads from writes.
 */
export interface VersionReads<V> {
  read(key: string): Promise<V | undefined>;
  write<T>(transaction: () => Promise<T>): Promise<T>;
}

/**
 * Versions remembered between requests, for a database that only this process writes (PGlite,
 * whose folder the data lock gives to one process): every write goes through `write`, which
 * forgets all of them when it begins and when it ends, and a read that overlapped a write
 * never remembers what it saw. A PostgreSQL server shared by several app servers uses
 * FreshReads instead, which asks the database every time.
 */
export class OwnedVersions<V> implements VersionReads<V> {
  private readonly known = new Map<string, V>();
  private generation = 0;

  constructor(private readonly load: (key: string) => Promise<V | undefined>) {}

  async read(key: string): Promise<V | undefined> {
    const known = this.known.get(key);
    if (known !== undefined) return known;
    const generation = this.generation;
    const found = await this.load(key);
    if (found !== undefined && generation === this.generation) this.known.set(key, found);
    return found;
  }

  async write<T>(transaction: () => Promise<T>): Promise<T> {
    this.forget();
    try {
      return await transaction();
    } finally {
      this.forget();
    }
  }

  private forget(): void {
    this.generation += 1;
    this.known.clear();
  }
}

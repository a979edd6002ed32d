/** How long expired entries may linger before a `set` sweeps them all out. */
const SWEEP_EVERY_MS = 1_000;

export interface CacheEntryOptions {
  /** Lifetime of this entry; the cache's default when absent. */
  ttlMs?: number;
  /** What the entry holds in memory, counted against the cache's byte bound (0 when unknown). */
  bytes?: number;
}

/**
 * A cache bounded by entries and by bytes, with a lifetime per entry. Bounded so that a flood of
 * distinct DIDs or status list URLs cannot grow memory without limit: each entry says how many
 * bytes it holds, and the least recently used entries leave until both bounds hold. An entry
 * larger than the whole byte bound is not kept at all. Expired entries are dropped when read and
 * swept out by the next `set` (at most once a second), so memory they held goes back soon even for
 * keys nobody asks for again.
 *
 * @example
 * const docs = new LruCache<string, DIDDocument>(10_000, 300_000, Date.now, 16 * 1024 * 1024);
 * docs.set(did, doc, { bytes: body.length });
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number; bytes: number }>();
  private heldBytes = 0;
  private nextSweep = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxBytes: number = Number.POSITIVE_INFINITY,
  ) {}

  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= this.now()) {
      this.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: K, value: V, options: CacheEntryOptions | number = {}): void {
    const { ttlMs = this.ttlMs, bytes = 0 } = typeof options === 'number' ? { ttlMs: options } : options;
    this.delete(key);
    this.sweepExpired();
    if (bytes > this.maxBytes || ttlMs <= 0) return;
    this.entries.set(key, { value, expires: this.now() + ttlMs, bytes });
    this.heldBytes += bytes;
    while (this.entries.size > this.maxEntries || this.heldBytes > this.maxBytes) {
      this.delete(this.entries.keys().next().value as K);
    }
  }

  delete(key: K): void {
    const hit = this.entries.get(key);
    if (!hit) return;
    this.entries.delete(key);
    this.heldBytes -= hit.bytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The bytes the entries say they hold. */
  get bytes(): number {
    return this.heldBytes;
  }

  private sweepExpired(): void {
    const now = this.now();
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.delete(key);
  }
}

import { LruCache } from '../crypto/lru.ts';
import type { DidResolver } from '../did/index.ts';
import type { GuardedFetch } from '../net/index.ts';
import { fetchStatusList, revalidateStatusList, type FetchedStatusList } from './fetch.ts';
import { MIN_STATUS_LIST_TTL_MS, type ByteBudget } from './limits.ts';

export interface StatusListSourceOptions {
  fetch: GuardedFetch;
  dids: DidResolver;
  /** The longest a copy is used without asking again (VERIFIER_CACHE_SECONDS, WALLET_CACHE_SECONDS); 0 caches nothing. */
  maxAgeMs: number;
  /** Bounds of the cache: lists and bytes held (64 MiB by default). */
  maxLists?: number;
  maxBytes?: number;
  now: () => Date;
}

export interface StatusListSource {
  /** The list at `url` signed by `expectedIssuer`; fetches charge `budget` when one is given. */
  get(url: string, expectedIssuer: string, options?: { budget?: ByteBudget }): Promise<FetchedStatusList>;
}

interface Held {
  list: FetchedStatusList;
  freshUntil: number;
}

/**
 * Status lists as a verifier or wallet holds them. A copy is used as it is while fresh: for the
 * list's own `ttl` (the issuer publishes a short one, so a revocation shows within seconds),
 * never less than a second and never more than `maxAgeMs`. Past that, it is revalidated with
 * `If-None-Match`, which costs the issuer a `304` and nobody an inflation, and kept for a while
 * longer for that purpose. The cache is bounded by lists and by bytes; a failed fetch is not
 * cached; concurrent asks for one list share one fetch.
 *
 * @example
 * const lists = createStatusListSource({ fetch, dids, maxAgeMs: config.verifierCacheSeconds * 1000, now });
 * const list = await lists.get(entry.statusListCredential, vc.iss);
 */
export function createStatusListSource(options: StatusListSourceOptions): StatusListSource {
  const clock = () => options.now().getTime();
  const cache = new LruCache<string, Held>(options.maxLists ?? 1_000, options.maxAgeMs, clock, options.maxBytes ?? 64 * 1024 * 1024);
  const pending = new Map<string, Promise<FetchedStatusList>>();

  const freshness = (list: FetchedStatusList) =>
    Math.min(options.maxAgeMs, list.ttlMs === undefined ? options.maxAgeMs : Math.max(list.ttlMs, MIN_STATUS_LIST_TTL_MS));

  const load = (key: string, url: string, expectedIssuer: string, held: FetchedStatusList | undefined, budget: ByteBudget | undefined) => {
    const fetchOptions = { fetch: options.fetch, dids: options.dids, expectedIssuer, now: options.now, ...(budget ? { budget } : {}) };
    const loading = (held?.etag ? revalidateStatusList(url, held, fetchOptions) : fetchStatusList(url, fetchOptions)).then((list) => {
      const fresh = freshness(list);
      // Kept past its freshness so the next ask can be a cheap revalidation.
      cache.set(key, { list, freshUntil: clock() + fresh }, { ttlMs: fresh + options.maxAgeMs, bytes: list.bytes });
      return list;
    });
    pending.set(key, loading);
    const done = () => pending.delete(key);
    loading.then(done, done);
    return loading;
  };

  return {
    get(url, expectedIssuer, { budget } = {}) {
      const key = `${expectedIssuer} ${url}`;
      const held = cache.get(key);
      const usable = held && (held.list.expiresAt === undefined || held.list.expiresAt.getTime() > clock());
      if (usable && clock() < held.freshUntil) return Promise.resolve(held.list);
      return pending.get(key) ?? load(key, url, expectedIssuer, usable ? held.list : undefined, budget);
    },
  };
}

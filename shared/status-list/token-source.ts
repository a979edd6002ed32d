import { LruCache } from '../crypto/lru.ts';
import type { DidResolver } from '../did/index.ts';
import type { GuardedFetch } from '../net/index.ts';
import { fetchTokenStatusList, type FetchedTokenStatusList } from './fetch-token.ts';
import { MIN_STATUS_LIST_TTL_MS, type ByteBudget } from './limits.ts';

export interface TokenStatusListSource {
  get(uri: string, expectedIssuer: string, options?: { budget?: ByteBudget }): Promise<FetchedTokenStatusList>;
}

/**
 * Token Status Lists as a verifier holds them: a copy is used for the list's own `ttl` (at least a
 * second) and never longer than `maxAgeMs`; the cache is bounded by lists and bytes; a failed
 * fetch is not kept; concurrent asks for one list share one fetch.
 */
export function createTokenStatusListSource(options: {
  fetch: GuardedFetch;
  dids: DidResolver;
  maxAgeMs: number;
  maxLists?: number;
  maxBytes?: number;
  now: () => Date;
}): TokenStatusListSource {
  const clock = () => options.now().getTime();
  const cache = new LruCache<string, FetchedTokenStatusList>(options.maxLists ?? 1_000, options.maxAgeMs, clock, options.maxBytes ?? 64 * 1024 * 1024);
  const pending = new Map<string, Promise<FetchedTokenStatusList>>();
  return {
    get(uri, expectedIssuer, { budget } = {}) {
      const key = `${expectedIssuer} ${uri}`;
      const held = cache.get(key);
      if (held) return Promise.resolve(held);
      const waiting = pending.get(key);
      if (waiting) return waiting;
      const loading = fetchTokenStatusList(uri, { fetch: options.fetch, dids: options.dids, expectedIssuer, now: options.now, ...(budget ? { budget } : {}) }).then((list) => {
        const fresh = Math.min(options.maxAgeMs, Math.max(list.ttlMs ?? options.maxAgeMs, MIN_STATUS_LIST_TTL_MS));
        if (fresh > 0) cache.set(key, list, { ttlMs: fresh, bytes: list.bytes });
        return list;
      });
      pending.set(key, loading);
      const done = () => pending.delete(key);
      loading.then(done, done);
      return loading;
    },
  };
}

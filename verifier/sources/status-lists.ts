import { LruCache } from '../../shared/crypto/index.ts';
import type { DidResolver } from '../../shared/did/index.ts';
import type { GuardedFetch } from '../../shared/net/index.ts';
import { fetchStatusList, type FetchedStatusList } from '../../shared/status-list/index.ts';

export interface StatusListSource {
  get(url: string, expectedIssuer: string): Promise<FetchedStatusList>;
}

/**
 * Status lists, cached for `ttlMs` per (list, issuer) and bounded in number, so that a flood of
 * distinct list URLs cannot grow memory. A revocation shows within one cache lifetime.
 */
export function createStatusListSource(options: {
  fetch: GuardedFetch;
  dids: DidResolver;
  ttlMs: number;
  maxLists?: number;
  now: () => Date;
}): StatusListSource {
  const cache = new LruCache<string, Promise<FetchedStatusList>>(options.maxLists ?? 1_000, options.ttlMs, () => options.now().getTime());
  return {
    get(url, expectedIssuer) {
      const key = `${expectedIssuer} ${url}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const pending = fetchStatusList(url, { fetch: options.fetch, dids: options.dids, expectedIssuer, now: options.now });
      cache.set(key, pending);
      pending.catch(() => cache.delete(key));
      return pending;
    },
  };
}

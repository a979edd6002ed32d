import { LruCache } from '../../shared/crypto/index.ts';
import type { DidResolver } from '../../shared/did/index.ts';
import type { GuardedFetch } from '../../shared/net/index.ts';
import { fetchTrustList, type TrustList } from '../../shared/trust/index.ts';

export interface TrustListSource {
  /** The registry's trust list, fetched again once the cached copy is older than its lifetime. */
  current(): Promise<TrustList>;
}

/**
 * The trust list, cached for `ttlMs`: verifications within that time use the copy they have, so
 * a short outage of the registry does not stop verification. A failed fetch is not cached.
 */
export function createTrustListSource(options: {
  url: string;
  registryDid: string;
  fetch: GuardedFetch;
  dids: DidResolver;
  ttlMs: number;
  now: () => Date;
}): TrustListSource {
  const cache = new LruCache<'list', Promise<TrustList>>(1, options.ttlMs, () => options.now().getTime());
  return {
    current() {
      const hit = cache.get('list');
      if (hit) return hit;
      const pending = fetchTrustList({ url: options.url, registryDid: options.registryDid, fetch: options.fetch, dids: options.dids, now: options.now });
      cache.set('list', pending);
      pending.catch(() => cache.delete('list'));
      return pending;
    },
  };
}

import type { DidResolver } from '../did/index.ts';
import type { GuardedFetch } from '../net/index.ts';
import { fetchTrustList } from './fetch.ts';
import type { TrustList } from './trust-list.ts';

export interface TrustListSourceOptions {
  url: string;
  registryDid: string;
  fetch: GuardedFetch;
  dids: DidResolver;
  /** How long a fetched list is used as it is. */
  ttlMs: number;
  /** The least time between two fetches made because the cached copy was behind (default 1 s). */
  minRefreshMs?: number;
  now: () => Date;
}

/**
 * The registry's trust list as a wallet or verifier holds it: a cached copy, used for `ttlMs` so
 * a short outage of the registry does not stop anyone, but fetched again, at most once per
 * `minRefreshMs`, when the copy is behind the credential being judged: its issuer is not on it
 * yet (an organization accredited a minute ago), or the credential was issued after the copy was
 * fetched. A failed fetch is not cached.
 *
 * @example
 * const trust = createTrustListSource({ url: config.trustListUrl, registryDid: config.registryDid, fetch, dids, ttlMs: 300_000, now });
 * const list = await trust.forCredential(issuerDid, issuedAt);
 */
export interface TrustListSource {
  current(): Promise<TrustList>;
  forCredential(issuerDid: string | undefined, issuedAt: Date | undefined): Promise<TrustList>;
}

export function createTrustListSource(options: TrustListSourceOptions): TrustListSource {
  const minRefreshMs = options.minRefreshMs ?? 1_000;
  const clock = () => options.now().getTime();
  let held: { list: Promise<TrustList>; fetchedAt: number } | undefined;

  const load = (): Promise<TrustList> => {
    const entry = {
      list: fetchTrustList({ url: options.url, registryDid: options.registryDid, fetch: options.fetch, dids: options.dids, now: options.now }),
      fetchedAt: clock(),
    };
    held = entry;
    entry.list.catch(() => {
      if (held === entry) held = undefined;
    });
    return entry.list;
  };

  const current = (): Promise<TrustList> => (held && clock() - held.fetchedAt < options.ttlMs ? held.list : load());

  return {
    current,
    async forCredential(issuerDid, issuedAt) {
      const list = await current();
      const fetchedAt = held?.fetchedAt ?? clock();
      const behind = (issuerDid !== undefined && !list.byDid.has(issuerDid)) || (issuedAt !== undefined && issuedAt.getTime() > fetchedAt);
      if (!behind || clock() - fetchedAt < minRefreshMs) return list;
      return load();
    },
  };
}

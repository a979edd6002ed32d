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
  let held: HeldList | undefined;

  const load = (): HeldList => {
    const entry = {
      list: fetchTrustList({ url: options.url, registryDid: options.registryDid, fetch: options.fetch, dids: options.dids, now: options.now }),
      fetchedAt: clock(),
    };
    held = entry;
    entry.list.catch(() => {
      if (held === entry) held = undefined;
    });
    return entry;
  };

  const fresh = (): HeldList => (held && clock() - held.fetchedAt < options.ttlMs ? held : load());
  const behind = (list: TrustList, fetchedAt: number, issuerDid: string | undefined, issuedAt: Date | undefined) =>
    (issuerDid !== undefined && !list.byDid.has(issuerDid)) || (issuedAt !== undefined && issuedAt.getTime() > fetchedAt);

  return {
    current: () => fresh().list,
    async forCredential(issuerDid, issuedAt) {
      let entry = fresh();
      let list = await entry.list;
      if (!behind(list, entry.fetchedAt, issuerDid, issuedAt)) return list;
      // Judged against the copy this look read, not whatever is held now: in a burst, another look
      // may already have started a newer fetch, and that one answers this look too (before, the
      // burst's other looks took the newer fetch's time for their old copy's and were answered
      // from the old copy: a credential of a newly accredited issuer read as not_in_trust_list).
      if (held && held !== entry && held.fetchedAt >= entry.fetchedAt) {
        const newer = held;
        const newerList = await newer.list.catch(() => undefined);
        if (newerList) {
          entry = newer;
          list = newerList;
          if (!behind(list, entry.fetchedAt, issuerDid, issuedAt)) return list;
        }
      }
      if (clock() - entry.fetchedAt < minRefreshMs) return list;
      return load().list;
    },
  };
}

interface HeldList {
  list: Promise<TrustList>;
  /** When the fetch started: a credential issued after it may be judged by a newer list. */
  fetchedAt: number;
}

import { createLimiter, type Deadline } from '../../shared/async/index.ts';
import type { DidResolver } from '../../shared/did/index.ts';
import { ByteBudget, STATUS_BYTES_PER_VERIFICATION, type FetchedStatusList, type FetchedTokenStatusList, type TokenStatusListSource } from '../../shared/status-list/index.ts';
import type { TrustList } from '../../shared/trust/index.ts';
import type { CheckContext } from '../checks/index.ts';
import type { StatusListSource } from './status-lists.ts';
import type { TrustListSource } from './trust-list.ts';

export interface VerificationSources {
  dids: DidResolver;
  trustLists: TrustListSource;
  statusLists: StatusListSource;
  /** Token Status Lists, for SD-JWT VCs. */
  tokenStatusLists: TokenStatusListSource;
  clockSkewSeconds: number;
  /** The most one verification waits for its sources (VERIFY_DEADLINE_SECONDS). */
  deadlineMs: number;
  now: () => Date;
}

/** Sources one verification waits for at once: enough to fetch in parallel, few enough to bound sockets and buffers. */
const FETCHES_AT_ONCE = 8;

/**
 * The context of one verification: the clock read once, the trust list looked up once per issuer
 * and each status list fetched once, however many credentials need them, even with a cache
 * lifetime of zero. Every source is waited for within `deadline` and at most FETCHES_AT_ONCE at a
 * time; status lists fetched for this verification share one byte budget. A source that misses
 * the deadline rejects with `fetch_failed`, so its check is "could not be checked", never a hang.
 */
export function newCheckContext(sources: VerificationSources, deadline: Deadline): CheckContext {
  const trustLists = new Map<string, Promise<TrustList>>();
  const statusLists = new Map<string, Promise<FetchedStatusList>>();
  const tokenStatusLists = new Map<string, Promise<FetchedTokenStatusList>>();
  const budget = new ByteBudget(STATUS_BYTES_PER_VERIFICATION);
  const limit = createLimiter(FETCHES_AT_ONCE);
  // Once the deadline has passed, what still waits for a slot is not started at all.
  const bounded = <T>(what: string, load: () => Promise<T>) =>
    deadline.race(
      limit(async () => {
        deadline.throwIfPassed(what);
        return load();
      }),
      what,
    );
  return {
    dids: {
      ...sources.dids,
      resolveDocument: (did) => (did.startsWith('did:key:') ? sources.dids.resolveDocument(did) : bounded(`The DID document of ${did}`, () => sources.dids.resolveDocument(did))),
    },
    now: sources.now(),
    clockSkewSeconds: sources.clockSkewSeconds,
    trustList(issuerDid, issuedAt) {
      // One look per issuer and verification; the source fetches again only when its copy is behind.
      const key = issuerDid ?? '';
      let list = trustLists.get(key);
      if (!list) trustLists.set(key, (list = bounded("The registry's trust list", () => sources.trustLists.forCredential(issuerDid, issuedAt))));
      return list;
    },
    statusList(url, expectedIssuer) {
      const key = `${expectedIssuer} ${url}`;
      let list = statusLists.get(key);
      if (!list) statusLists.set(key, (list = bounded(`The status list at ${url}`, () => sources.statusLists.get(url, expectedIssuer, { budget }))));
      return list;
    },
    tokenStatusList(uri, expectedIssuer) {
      const key = `${expectedIssuer} ${uri}`;
      let list = tokenStatusLists.get(key);
      if (!list) tokenStatusLists.set(key, (list = bounded(`The status list at ${uri}`, () => sources.tokenStatusLists.get(uri, expectedIssuer, { budget }))));
      return list;
    },
  };
}

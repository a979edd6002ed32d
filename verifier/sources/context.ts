import type { DidResolver } from '../../shared/did/index.ts';
import type { FetchedStatusList } from '../../shared/status-list/index.ts';
import type { TrustList } from '../../shared/trust/index.ts';
import type { CheckContext } from '../checks/index.ts';
import type { StatusListSource } from './status-lists.ts';
import type { TrustListSource } from './trust-list.ts';

export interface VerificationSources {
  dids: DidResolver;
  trustLists: TrustListSource;
  statusLists: StatusListSource;
  clockSkewSeconds: number;
  now: () => Date;
}

/**
 * The context of one verification: the clock read once, the trust list looked up once per issuer
 * and each status list fetched once, however many credentials need them, even with a cache
 * lifetime of zero.
 */
export function newCheckContext(sources: VerificationSources): CheckContext {
  const trustLists = new Map<string, Promise<TrustList>>();
  const statusLists = new Map<string, Promise<FetchedStatusList>>();
  return {
    dids: sources.dids,
    now: sources.now(),
    clockSkewSeconds: sources.clockSkewSeconds,
    trustList(issuerDid, issuedAt) {
      // One look per issuer and verification; the source fetches again only when its copy is behind.
      const key = issuerDid ?? '';
      let list = trustLists.get(key);
      if (!list) trustLists.set(key, (list = sources.trustLists.forCredential(issuerDid, issuedAt)));
      return list;
    },
    statusList(url, expectedIssuer) {
      const key = `${expectedIssuer} ${url}`;
      let list = statusLists.get(key);
      if (!list) statusLists.set(key, (list = sources.statusLists.get(url, expectedIssuer)));
      return list;
    },
  };
}

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
 * The context of one verification: the clock read once, and the trust list and each status list
 * fetched at most once however many credentials need them, even with a cache lifetime of zero.
 */
export function newCheckContext(sources: VerificationSources): CheckContext {
  let trustList: Promise<TrustList> | undefined;
  const statusLists = new Map<string, Promise<FetchedStatusList>>();
  return {
    dids: sources.dids,
    now: sources.now(),
    clockSkewSeconds: sources.clockSkewSeconds,
    trustList: () => (trustList ??= sources.trustLists.current()),
    statusList(url, expectedIssuer) {
      const key = `${expectedIssuer} ${url}`;
      let list = statusLists.get(key);
      if (!list) statusLists.set(key, (list = sources.statusLists.get(url, expectedIssuer)));
      return list;
    },
  };
}

import type { DidResolver } from '../../shared/did/index.ts';
import type { FetchedStatusList, FetchedTokenStatusList } from '../../shared/status-list/index.ts';
import type { TrustList } from '../../shared/trust/index.ts';

/**
 * What the checks of one verification receive: the DID resolver, the trust list and status
 * lists (cached by the sources behind them, fetched at most once per verification), and a clock
 * frozen at the start, so every check judges the same instant.
 */
export interface CheckContext {
  dids: DidResolver;
  /** The trust list to judge a credential of `issuerDid` issued at `issuedAt` with (see `TrustListSource.forCredential`). */
  trustList(issuerDid?: string, issuedAt?: Date): Promise<TrustList>;
  statusList(url: string, expectedIssuer: string): Promise<FetchedStatusList>;
  /** A Token Status List (what an SD-JWT VC's `status.status_list.uri` names), signed by `expectedIssuer`. */
  tokenStatusList(uri: string, expectedIssuer: string): Promise<FetchedTokenStatusList>;
  now: Date;
  /** Tolerance for clocks that disagree, in seconds (VERIFIER_CLOCK_SKEW_SECONDS). */
  clockSkewSeconds: number;
}

/** Something a verifier should tell its reader even though it does not fail verification. */
export interface Warning {
  code: string;
  detail: string;
  credential?: string;
}

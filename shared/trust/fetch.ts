import type { DidResolver } from '../did/index.ts';
import { PassportError } from '../errors.ts';
import { verifyDidJwt } from '../jwt/index.ts';
import type { GuardedFetch } from '../net/index.ts';
import { TRUST_LIST_TYP, parseTrustList, type TrustList } from './trust-list.ts';

/**
 * The largest trust list fetched. It grows with the organizations: 800 of them with their names
 * in three languages and accreditation history take about 0.5 MB; 4 MiB leaves room to grow
 * while a wallet or verifier holds one copy.
 */
export const MAX_TRUST_LIST_BYTES = 4 * 1024 * 1024;

export interface FetchTrustListOptions {
  url: string;
  /** The only DID whose signature makes a trust list acceptable (`REGISTRY_DID`). */
  registryDid: string;
  fetch: GuardedFetch;
  dids: DidResolver;
  /** The clock that judges `exp`; tests freeze it. */
  now?: () => Date;
}

/**
 * Fetches the registry's trust list and accepts it only when it is a `trust-list+jwt` signed by
 * `registryDid`'s assertion key and not past its `exp`. Throws `PassportError`:
 * `fetch_refused` / `fetch_failed` when the list could not be had (the caller reports "could not
 * check"), `unprocessable` when what came back is not an acceptable trust list.
 *
 * @example
 * const trust = await fetchTrustList({ url: config.trustListUrl, registryDid: config.registryDid, fetch, dids });
 * const org = trust.byDid.get(issuerDid);
 */
export async function fetchTrustList(options: FetchTrustListOptions): Promise<TrustList> {
  const now = options.now ?? (() => new Date());
  const res = await options.fetch(options.url, { headers: { accept: 'application/jwt' }, maxBytes: MAX_TRUST_LIST_BYTES });
  if (res.status !== 200) throw new PassportError('fetch_failed', `The trust list at ${options.url} answered ${res.status}`);
  const jwt = res.text().trim();
  const verified = await verifyTrustListJwt(jwt, options.registryDid, options.dids);
  if (verified.header.typ !== TRUST_LIST_TYP) {
    throw new PassportError('unprocessable', `The trust list has typ ${String(verified.header.typ)}, not ${TRUST_LIST_TYP}`);
  }
  if (verified.payload.iss !== options.registryDid) {
    throw new PassportError('unprocessable', `The trust list names iss ${String(verified.payload.iss)}, not ${options.registryDid}`);
  }
  const exp = verified.payload.exp;
  if (typeof exp !== 'number') throw new PassportError('unprocessable', 'The trust list has no exp');
  if (exp * 1000 <= now().getTime()) {
    throw new PassportError('unprocessable', `The trust list expired at ${new Date(exp * 1000).toISOString()}`);
  }
  return parseTrustList(verified.payload);
}

async function verifyTrustListJwt(jwt: string, registryDid: string, dids: DidResolver) {
  try {
    return await verifyDidJwt(jwt, { dids, relationship: 'assertionMethod', expectedDid: registryDid });
  } catch (err) {
    // A body that is not a JWT at all, or a registry DID we cannot resolve the method of, is a wrong list, not an outage.
    if (err instanceof PassportError && err.code === 'invalid_request') {
      throw new PassportError('unprocessable', `The trust list is not acceptable: ${err.detail}`, { cause: err });
    }
    throw err;
  }
}

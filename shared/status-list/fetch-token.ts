import type { DidResolver } from '../did/index.ts';
import { PassportError } from '../errors.ts';
import { decodeJwtParts, verifyDidJwt } from '../jwt/index.ts';
import type { GuardedFetch } from '../net/index.ts';
import { MAX_STATUS_LIST_JWT_BYTES, type ByteBudget } from './limits.ts';
import { readTokenStatusList, STATUS_LIST_JWT_TYPE, type TokenStatusBits } from './token-list.ts';

export interface FetchTokenStatusListOptions {
  fetch: GuardedFetch;
  dids: DidResolver;
  /** The DID that must have signed the list: the issuer of the credential whose status is asked. */
  expectedIssuer: string;
  now: () => Date;
  budget?: ByteBudget;
}

export interface FetchedTokenStatusList {
  issuer: string;
  list: TokenStatusBits;
  fetchedAt: Date;
  /** The token's `ttl` in ms, when it gives one. */
  ttlMs?: number;
  expiresAt?: Date;
  bytes: number;
}

/**
 * Fetches a Token Status List (`application/statuslist+jwt`, IETF OAuth Status List), the list
 * an SD-JWT VC's `status.status_list.uri` names: typed `statuslist+jwt`, signed by the
 * credential's own issuer (or whoever serves it could un-revoke), its `sub` the very URI asked
 * (section 8.3), not expired. Bounded like Bitstring lists: the JWT is cut at
 * MAX_STATUS_LIST_JWT_BYTES, the list inflates in bounded steps. Throws `fetch_refused` /
 * `fetch_failed` when it could not be had, `unprocessable` when it is not acceptable.
 *
 * @example
 * const { list } = await fetchTokenStatusList(status.status_list.uri, { fetch, dids, expectedIssuer: payload.iss, now });
 * const revoked = list.get(status.status_list.idx) !== 0;
 */
export async function fetchTokenStatusList(uri: string, options: FetchTokenStatusListOptions): Promise<FetchedTokenStatusList> {
  const res = await options.fetch(uri, { headers: { accept: `application/${STATUS_LIST_JWT_TYPE}` }, maxBytes: MAX_STATUS_LIST_JWT_BYTES });
  if (res.status !== 200) throw new PassportError('fetch_failed', `The status list at ${uri} answered ${res.status}`);
  options.budget?.take(res.body.length);
  const jwt = res.text().trim();
  let header;
  try {
    header = decodeJwtParts(jwt).header;
  } catch {
    throw new PassportError('unprocessable', `${uri} did not answer a status list JWT`);
  }
  if (header.typ !== STATUS_LIST_JWT_TYPE) throw new PassportError('unprocessable', `${uri} answered a JWT of typ ${String(header.typ)}, not ${STATUS_LIST_JWT_TYPE}`);
  let verified;
  try {
    verified = await verifyDidJwt(jwt, { dids: options.dids, relationship: 'assertionMethod', expectedDid: options.expectedIssuer });
  } catch (err) {
    if (err instanceof PassportError && err.code === 'invalid_request') throw new PassportError('unprocessable', `The status list is not acceptable: ${err.detail}`, { cause: err });
    throw err;
  }
  const payload = verified.payload;
  if (payload.sub !== uri) throw new PassportError('unprocessable', `The status list at ${uri} names itself ${String(payload.sub)}`);
  const now = options.now();
  if (typeof payload.exp === 'number' && payload.exp * 1000 <= now.getTime()) {
    throw new PassportError('unprocessable', `The status list at ${uri} expired at ${new Date(payload.exp * 1000).toISOString()}`);
  }
  const list = await readTokenStatusList(payload.status_list, options.budget ? { budget: options.budget } : {});
  const ttl = payload.ttl;
  return {
    issuer: verified.did,
    list,
    fetchedAt: now,
    ...(typeof ttl === 'number' && Number.isFinite(ttl) && ttl >= 0 ? { ttlMs: ttl * 1000 } : {}),
    ...(typeof payload.exp === 'number' ? { expiresAt: new Date(payload.exp * 1000) } : {}),
    bytes: list.bytes + uri.length + 256,
  };
}

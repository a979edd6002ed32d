import type { DidResolver } from '../did/index.ts';
import { PassportError } from '../errors.ts';
import { verifyDidJwt } from '../jwt/index.ts';
import type { GuardedFetch } from '../net/index.ts';
import { StatusBitstring } from './bitstring.ts';
import { MAX_STATUS_LIST_JWT_BYTES, type ByteBudget } from './limits.ts';

export interface FetchStatusListOptions {
  fetch: GuardedFetch;
  dids: DidResolver;
  /** The DID that must have signed the list: the issuer of the credential whose status is asked. */
  expectedIssuer?: string;
  /** The clock that judges the list's own expiry; tests freeze it. */
  now?: () => Date;
  /** What the request may still spend on status lists; the body and the inflated list are charged. */
  budget?: ByteBudget;
}

export interface FetchedStatusList {
  /** The DID that signed the list. */
  issuer: string;
  /** `revocation` or `suspension` (Bitstring Status List, section 2.1). */
  purpose: string;
  bits: StatusBitstring;
  fetchedAt: Date;
  /** The list's own `ttl` (milliseconds), when it gives one: how long a copy may be used before asking again. */
  ttlMs?: number;
  /** The server's ETag, to revalidate the copy with `If-None-Match`. */
  etag?: string;
  /** When the list itself stops being valid (`exp`, `validUntil`), if ever. */
  expiresAt?: Date;
  /** The memory the copy holds, for caches bounded by bytes. */
  bytes: number;
}

/**
 * Fetches a Bitstring Status List credential (a VC-JWT, in the VC 1.1 `vc` claim or as a VC 2.0
 * `vc+jwt` payload), verifies its signature with its issuer's assertion key and decodes the list.
 * A list signed by anyone but `expectedIssuer` is refused: otherwise whoever serves the list could
 * un-revoke another organization's credentials. The JWT is cut at MAX_STATUS_LIST_JWT_BYTES and
 * the list refused past MAX_STATUS_LIST_BYTES while it inflates. Throws `PassportError`:
 * `fetch_refused` / `fetch_failed` when it could not be had (the caller reports "could not
 * check"), `unprocessable` when it is not an acceptable status list.
 *
 * @example
 * const list = await fetchStatusList(status.statusListCredential, { fetch, dids, expectedIssuer: vc.iss });
 * const revoked = list.bits.get(Number(status.statusListIndex));
 */
export async function fetchStatusList(url: string, options: FetchStatusListOptions): Promise<FetchedStatusList> {
  return (await requestStatusList(url, options, undefined))!;
}

/**
 * Asks again for a list held since `held.fetchedAt`, with `If-None-Match` when the server gave an
 * ETag: a `304` keeps the copy (now fresh again) without moving or inflating a byte.
 */
export async function revalidateStatusList(url: string, held: FetchedStatusList, options: FetchStatusListOptions): Promise<FetchedStatusList> {
  const now = options.now ?? (() => new Date());
  const fetched = await requestStatusList(url, options, held.etag);
  return fetched ?? { ...held, fetchedAt: now() };
}

async function requestStatusList(url: string, options: FetchStatusListOptions, etag: string | undefined): Promise<FetchedStatusList | undefined> {
  const now = options.now ?? (() => new Date());
  const res = await options.fetch(url, {
    headers: { accept: 'application/vc+jwt, application/jwt', ...(etag ? { 'if-none-match': etag } : {}) },
    maxBytes: MAX_STATUS_LIST_JWT_BYTES,
  });
  if (etag && res.status === 304) return undefined;
  if (res.status !== 200) throw new PassportError('fetch_failed', `The status list at ${url} answered ${res.status}`);
  options.budget?.take(res.body.length);
  const verified = await verifyListJwt(res.text().trim(), options);
  const payload = verified.payload;
  const credential = (isObject(payload.vc) ? payload.vc : payload) as Record<string, unknown>;
  const subject = credential.credentialSubject;
  if (!isObject(subject) || subject.type !== 'BitstringStatusList' || typeof subject.encodedList !== 'string') {
    throw new PassportError('unprocessable', `${url} is not a BitstringStatusList credential`);
  }
  const expiry = expiryOf(payload, credential);
  if (expiry !== undefined && expiry <= now().getTime()) {
    throw new PassportError('unprocessable', `The status list at ${url} expired at ${new Date(expiry).toISOString()}`);
  }
  const bits = await StatusBitstring.decode(subject.encodedList, options.budget ? { budget: options.budget } : {});
  const ttlMs = typeof subject.ttl === 'number' && Number.isFinite(subject.ttl) && subject.ttl >= 0 ? subject.ttl : undefined;
  const newEtag = res.headers.etag;
  return {
    issuer: verified.did,
    purpose: typeof subject.statusPurpose === 'string' ? subject.statusPurpose : 'revocation',
    bits,
    fetchedAt: now(),
    ...(ttlMs !== undefined ? { ttlMs } : {}),
    ...(newEtag ? { etag: newEtag } : {}),
    ...(expiry !== undefined ? { expiresAt: new Date(expiry) } : {}),
    bytes: bits.bytes.length + url.length + 256,
  };
}

async function verifyListJwt(jwt: string, options: FetchStatusListOptions) {
  try {
    return await verifyDidJwt(jwt, {
      dids: options.dids,
      relationship: 'assertionMethod',
      ...(options.expectedIssuer ? { expectedDid: options.expectedIssuer } : {}),
    });
  } catch (err) {
    if (err instanceof PassportError && err.code === 'invalid_request') {
      throw new PassportError('unprocessable', `The status list is not acceptable: ${err.detail}`, { cause: err });
    }
    throw err;
  }
}

/** The earliest of `exp` (JWT) and `validUntil` / `expirationDate` (VC), in ms, when any is given. */
function expiryOf(payload: Record<string, unknown>, credential: Record<string, unknown>): number | undefined {
  const candidates: number[] = [];
  if (typeof payload.exp === 'number') candidates.push(payload.exp * 1000);
  for (const field of ['validUntil', 'expirationDate']) {
    const value = credential[field];
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) candidates.push(Date.parse(value));
  }
  return candidates.length ? Math.min(...candidates) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { createHash } from 'node:crypto';
import type { Config } from '../../shared/config.ts';
import { LruCache } from '../../shared/crypto/index.ts';
import type { DidResolver } from '../../shared/did/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { decodeJwtParts, verifyDidJwt } from '../../shared/jwt/index.ts';
import type { GuardedFetch } from '../../shared/net/index.ts';
import { MAX_STATUS_ENTRIES, createStatusListSource } from '../../shared/status-list/index.ts';
import { createTrustListSource, type TrustedOrganization, type TrustList } from '../../shared/trust/index.ts';
import { accreditedAtIssuance, claimedSigningTime, revokedKeyFor } from '../../shared/trust/index.ts';
import type { DecodedCredential } from './decode.ts';

/**
 * A credential's standing now. `issuer_suspended`: the organization was not accredited when it
 * issued (suspended at or before issuance); `issuer_not_accredited`: the trust list does not name
 * it at all; `unverifiable`: something needed for the check (DID document, status list, trust
 * list) could not be had, so the wallet cannot vouch for it.
 */
export type CredentialStatus = 'valid' | 'revoked' | 'issuer_suspended' | 'issuer_not_accredited' | 'expired' | 'invalid' | 'unverifiable';

export interface StatusReport {
  status: CredentialStatus;
  /** Why, in a sentence per check that did not pass (English, for logs and tooltips). */
  reasons: string[];
  /** The organization as the trust list names it, when the list could be had. */
  organization: TrustedOrganization | undefined;
}

export interface CredentialStatusChecker {
  check(credential: DecodedCredential): Promise<StatusReport>;
}

export interface StatusCheckerOptions {
  config: Pick<Config, 'trustListUrl' | 'registryDid'>;
  fetch: GuardedFetch;
  dids: DidResolver;
  now: () => Date;
  /** How long a fetched status list or trust list is reused. */
  cacheTtlMs: number;
}

type Outcome = { kind: 'ok' } | { kind: 'failed'; status: CredentialStatus; reason: string } | { kind: 'unknown'; reason: string };
const OK: Outcome = { kind: 'ok' };

/**
 * Checks stored credentials as a verifier would, now: the issuer's signature, the revocation bit
 * in the issuer's status list, the issuer's accreditation at issuance in the registry's trust
 * list, and expiry. Status lists and the trust list are cached for a short while (bounded by
 * entries and bytes; a list is revalidated after its own `ttl`), so a passport of many credentials
 * from one organization fetches its list once.
 */
export function createCredentialStatusChecker(options: StatusCheckerOptions): CredentialStatusChecker {
  const lists = createStatusListSource({ fetch: options.fetch, dids: options.dids, maxAgeMs: options.cacheTtlMs, now: options.now });
  const trust = createTrustListSource({
    url: options.config.trustListUrl,
    registryDid: options.config.registryDid,
    fetch: options.fetch,
    dids: options.dids,
    ttlMs: options.cacheTtlMs,
    now: options.now,
  });
  const signatures = new LruCache<string, Promise<Outcome>>(10_000, options.cacheTtlMs);

  function cached<T>(cache: LruCache<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit) return hit;
    const pending = load();
    cache.set(key, pending);
    // A failure is not remembered: the next look may find the resource back.
    pending.catch(() => cache.delete(key));
    return pending;
  }

  async function signature(c: DecodedCredential): Promise<Outcome> {
    const key = createHash('sha256').update(c.jwt).digest('base64url');
    return cached(signatures, key, async () => {
      const verify = () => verifyDidJwt(c.jwt, { dids: options.dids, relationship: 'assertionMethod', expectedDid: c.issuerDid });
      try {
        await verify().catch((err: unknown) => {
          if (couldNotCheck(err)) throw err;
          // The issuer may have rotated its key since its DID document was cached: look once more.
          options.dids.forget(c.issuerDid);
          return verify();
        });
        return OK;
      } catch (err) {
        if (couldNotCheck(err)) throw err;
        return { kind: 'failed', status: 'invalid', reason: `signature: ${(err as Error).message}` } as const;
      }
    }).catch((err: unknown) => ({ kind: 'unknown', reason: `signature: ${(err as Error).message}` }) as const);
  }

  async function revocation(c: DecodedCredential): Promise<Outcome> {
    const raw = c.credential.credentialStatus as unknown;
    if (!raw) return OK;
    const entries = Array.isArray(raw) ? raw : [raw];
    if (entries.length > MAX_STATUS_ENTRIES) {
      return { kind: 'failed', status: 'invalid', reason: `status: ${entries.length} status entries, at most ${MAX_STATUS_ENTRIES} are checked` };
    }
    const outcomes = await Promise.all(entries.map((entry) => statusEntry(c, entry)));
    return outcomes.find((o) => o.kind === 'failed') ?? outcomes.find((o) => o.kind === 'unknown') ?? OK;
  }

  async function statusEntry(c: DecodedCredential, entry: unknown): Promise<Outcome> {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof e.statusListCredential !== 'string' || typeof e.statusListIndex !== 'string' || !/^\d+$/.test(e.statusListIndex)) {
      return { kind: 'failed', status: 'invalid', reason: 'status: the entry needs statusListCredential and a numeric statusListIndex' };
    }
    try {
      const list = await lists.get(e.statusListCredential, c.issuerDid);
      if (list.bits.get(Number(e.statusListIndex))) {
        return { kind: 'failed', status: 'revoked', reason: `status: the ${list.purpose} bit ${e.statusListIndex} is set` };
      }
      return OK;
    } catch (err) {
      return { kind: 'unknown', reason: `status: ${(err as Error).message}` };
    }
  }

  async function accreditation(c: DecodedCredential): Promise<{ outcome: Outcome; organization: TrustedOrganization | undefined }> {
    let list: TrustList;
    try {
      list = await trust.forCredential(c.issuerDid, c.issuedAt);
    } catch (err) {
      return { outcome: { kind: 'unknown', reason: `trust list: ${(err as Error).message}` }, organization: undefined };
    }
    const organization = list.byDid.get(c.issuerDid);
    if (!organization) {
      return { outcome: { kind: 'failed', status: 'issuer_not_accredited', reason: `trust: ${c.issuerDid} is not on the trust list` }, organization };
    }
    const { header, payload } = decodeJwtParts(c.jwt);
    const revoked = revokedKeyFor(organization, header.kid, claimedSigningTime(payload));
    if (revoked) {
      // The same rule as the verifier's: a key reported compromised disowns what it signed from then on.
      return {
        outcome: { kind: 'failed', status: 'invalid', reason: `signature: signed with ${revoked.kid}, which ${organization.id} reported compromised from ${revoked.from}` },
        organization,
      };
    }
    if (!accreditedAtIssuance(organization, c.issuedAt)) {
      return {
        outcome: { kind: 'failed', status: 'issuer_suspended', reason: `trust: ${organization.id} was not accredited at ${c.issuedAt.toISOString()}` },
        organization,
      };
    }
    return { outcome: OK, organization };
  }

  function expiry(c: DecodedCredential): Outcome {
    return c.expiresAt && c.expiresAt.getTime() <= options.now().getTime()
      ? { kind: 'failed', status: 'expired', reason: `expiry: expired at ${c.expiresAt.toISOString()}` }
      : OK;
  }

  return {
    async check(c) {
      const [sig, rev, acc] = await Promise.all([signature(c), revocation(c), accreditation(c)]);
      return { ...verdict([sig, rev, acc.outcome, expiry(c)]), organization: acc.organization };
    },
  };
}

/** A definite failure outranks "could not check": a revoked credential is revoked even when the trust list is down. */
const PRECEDENCE: CredentialStatus[] = ['invalid', 'revoked', 'issuer_suspended', 'issuer_not_accredited', 'expired'];

function verdict(outcomes: Outcome[]): { status: CredentialStatus; reasons: string[] } {
  const reasons = outcomes.flatMap((o) => (o.kind === 'ok' ? [] : [o.reason]));
  const failed = outcomes.flatMap((o) => (o.kind === 'failed' ? [o.status] : []));
  const worst = PRECEDENCE.find((s) => failed.includes(s));
  if (worst) return { status: worst, reasons };
  if (outcomes.some((o) => o.kind === 'unknown')) return { status: 'unverifiable', reasons };
  return { status: 'valid', reasons };
}

function couldNotCheck(err: unknown): boolean {
  return err instanceof PassportError && (err.code === 'fetch_failed' || err.code === 'fetch_refused');
}

import type { LocalizedText } from '../credential/vocabulary.ts';
import { PassportError } from '../errors.ts';

/**
 * The trust list: every organization the national registry has accredited, with the intervals of
 * its accreditation, signed by the registry's DID as a JWT (`typ: trust-list+jwt`). The issuer
 * builds it; wallets and verifiers accept it only when `iss` is `REGISTRY_DID` and the signature
 * verifies with that DID's assertion key.
 *
 * Payload: `{ iss, iat, exp, version, organizations: TrustedOrganization[], frontOffices }`.
 */
export const TRUST_LIST_TYP = 'trust-list+jwt';

export interface AccreditationInterval {
  /** ISO 8601 instant the accreditation began. */
  from: string;
  /** ISO 8601 instant it ended (suspension), or null while it lasts. */
  until: string | null;
}

/**
 * A key of the organization's DID that was compromised: what it signed at or after `from` is
 * disowned, what it signed before still stands.
 */
export interface RevokedKey {
  /** The verification method, `{did}#key-<n>`. */
  kid: string;
  /** ISO 8601 instant from which its signatures are not trusted. */
  from: string;
}

export interface TrustedOrganization {
  id: string;
  did: string;
  name: LocalizedText;
  region: string;
  status: 'accredited' | 'suspended';
  accreditations: AccreditationInterval[];
  /** Present when any of its keys was revoked. */
  revokedKeys?: RevokedKey[];
}

export interface TrustedFrontOffice {
  id: string;
  region: string;
  name: LocalizedText;
}

export interface TrustListPayload {
  iss: string;
  iat: number;
  exp: number;
  /** Grows with every accreditation, suspension and reinstatement. */
  version: number;
  organizations: TrustedOrganization[];
  frontOffices: TrustedFrontOffice[];
}

export interface TrustList extends TrustListPayload {
  byDid: Map<string, TrustedOrganization>;
}

/** Checks the shape of a verified trust-list payload and indexes it by DID. */
export function parseTrustList(payload: Record<string, unknown>): TrustList {
  const p = payload as Partial<TrustListPayload>;
  if (typeof p.iss !== 'string' || typeof p.iat !== 'number' || !Array.isArray(p.organizations)) {
    throw new PassportError('unprocessable', 'The trust list payload lacks iss, iat or organizations');
  }
  const byDid = new Map<string, TrustedOrganization>();
  for (const org of p.organizations) {
    if (!org || typeof org.did !== 'string' || !Array.isArray(org.accreditations)) {
      throw new PassportError('unprocessable', 'A trust list entry lacks did or accreditations');
    }
    const revoked: unknown = org.revokedKeys;
    if (revoked !== undefined && !(Array.isArray(revoked) && revoked.every((k) => typeof k?.kid === 'string' && typeof k?.from === 'string' && !Number.isNaN(Date.parse(k.from))))) {
      // A list that names revocations we cannot read must not pass as one that names none.
      throw new PassportError('unprocessable', `The trust list entry of ${org.did} has malformed revokedKeys`);
    }
    byDid.set(org.did, org);
  }
  return { ...(p as TrustListPayload), frontOffices: p.frontOffices ?? [], byDid };
}

/**
 * Was the organization accredited when it issued a credential dated `issuedAt`? A JWT's `nbf`
 * says only the second of issuance, while the trust list records accreditation to the
 * millisecond, so the credential gets the benefit of that second at both ends: accredited when
 * some instant of its second lies in [from, until). A credential issued 0.4 s after accreditation
 * carries an `nbf` 0.4 s before it, and one issued 0.2 s before a suspension carries the
 * suspension's own second; both stay valid. Wallets and verifiers both judge with this function,
 * so a wallet's totals are what a verifier confirms.
 */
export function accreditedAtIssuance(org: TrustedOrganization, issuedAt: Date): boolean {
  const second = Math.floor(issuedAt.getTime() / 1000);
  return org.accreditations.some((a) => {
    const from = Math.floor(Date.parse(a.from) / 1000);
    const until = a.until === null ? Number.POSITIVE_INFINITY : Math.ceil(Date.parse(a.until) / 1000);
    return from <= second && second < until;
  });
}

/**
 * The revocation that disowns a signature by `kid` made at `signedAt`, if any: the key is among
 * the organization's `revokedKeys` and the signature is not older than the revocation's `from`
 * (by the second, as JWT times are). A signature whose time is unknown is disowned, since nothing
 * shows it came before the compromise. The time is what the credential claims (`iat`, `nbf`,
 * issuance date: the caller passes the latest); someone holding the stolen key can back-date it,
 * which is why `from` should be set no later than the compromise may have begun.
 */
export function revokedKeyFor(org: TrustedOrganization, kid: string | undefined, signedAt: Date | undefined): RevokedKey | undefined {
  if (!kid || !org.revokedKeys?.length) return undefined;
  const absolute = kid.startsWith('#') ? `${org.did}${kid}` : kid;
  const revocation = org.revokedKeys.find((k) => k.kid === absolute);
  if (!revocation) return undefined;
  if (!signedAt) return revocation;
  return Math.floor(signedAt.getTime() / 1000) >= Math.floor(Date.parse(revocation.from) / 1000) ? revocation : undefined;
}

/**
 * When a credential JWT says it was signed: the latest of `iat`, `nbf` and the issuance date it
 * carries (`vc.issuanceDate` in VC 1.1, `validFrom` in VC 2.0), so that no claimed time puts the
 * signature before a key's revocation while another puts it after. Undefined when it claims none.
 */
export function claimedSigningTime(payload: Record<string, unknown>): Date | undefined {
  const vc = typeof payload.vc === 'object' && payload.vc !== null ? (payload.vc as Record<string, unknown>) : {};
  const times = [
    ...[payload.iat, payload.nbf].filter((t): t is number => typeof t === 'number' && Number.isFinite(t)).map((t) => t * 1000),
    ...[vc.issuanceDate, payload.issuanceDate, payload.validFrom].filter((t): t is string => typeof t === 'string').map((t) => Date.parse(t)),
  ].filter((t) => !Number.isNaN(t));
  return times.length ? new Date(Math.max(...times)) : undefined;
}


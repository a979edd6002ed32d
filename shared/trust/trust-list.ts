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

export interface TrustedOrganization {
  id: string;
  did: string;
  name: LocalizedText;
  region: string;
  status: 'accredited' | 'suspended';
  accreditations: AccreditationInterval[];
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

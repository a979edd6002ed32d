import type { ProtectedHeaderParameters } from 'jose';
import { PassportError } from '../../shared/errors.ts';
import { decodeJwtParts } from '../../shared/jwt/index.ts';
import { asString, didOf, earliest, fromIso, fromSeconds, isObject, latest } from './claims.ts';
import { jwtOf } from './enveloped.ts';

/** One entry of a presentation's `verifiableCredential`: its JWT, or why none could be taken from it. */
export type PresentedEntry = { jwt: string } | { problem: string };

/**
 * A presentation as read from its JWT, before anything about it is believed: VC Data Model 1.1
 * (`vp` claim, what our wallet makes) or VC Data Model 2.0 `vp+jwt` (the payload IS the
 * presentation, credentials enveloped).
 */
export interface PresentationUnderTest {
  jwt: string;
  header: ProtectedHeaderParameters;
  payload: Record<string, unknown>;
  securing: 'jwt_vp_json' | 'vp+jwt';
  presentation: Record<string, unknown>;
  /** The DID that claims to have signed: the `kid`'s DID, else `iss`. */
  signerDid: string | undefined;
  /** `holder` of the presentation, when given. */
  holderDid: string | undefined;
  nonce: string | undefined;
  audiences: string[];
  notBefore: Date | undefined;
  expiresAt: Date | undefined;
  entries: PresentedEntry[];
}

export function isPresentationJwt(header: ProtectedHeaderParameters, payload: Record<string, unknown>): boolean {
  if (isObject(payload.vp) || header.typ === 'vp+jwt') return true;
  return Array.isArray(payload.type) && payload.type.includes('VerifiablePresentation');
}

/** Reads a presentation JWT; throws `invalid_request` only when it is not a JWT at all. */
export function readPresentation(jwt: string): PresentationUnderTest {
  const { header, payload } = decodeJwtParts(jwt);
  const presentation = isObject(payload.vp) ? payload.vp : payload;
  const kid = asString(header.kid);
  const holder = isObject(presentation.holder) ? presentation.holder.id : presentation.holder;
  const aud = payload.aud;
  return {
    jwt: jwt.trim(),
    header,
    payload,
    securing: isObject(payload.vp) ? 'jwt_vp_json' : 'vp+jwt',
    presentation,
    signerDid: didOf(kid && !kid.startsWith('#') ? kid : payload.iss),
    holderDid: didOf(holder),
    nonce: asString(payload.nonce),
    audiences: typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [],
    notBefore: latest(fromSeconds(payload.nbf), fromIso(presentation.validFrom)),
    expiresAt: earliest(fromSeconds(payload.exp), fromIso(presentation.validUntil)),
    entries: entriesOf(presentation.verifiableCredential),
  };
}

function entriesOf(value: unknown): PresentedEntry[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.map((entry) => {
    try {
      return { jwt: jwtOf(entry, 'credential') };
    } catch (err) {
      return { problem: err instanceof PassportError ? err.detail : String(err) };
    }
  });
}

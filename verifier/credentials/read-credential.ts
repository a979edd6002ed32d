import type { ProtectedHeaderParameters } from 'jose';
import { decodeJwtParts } from '../../shared/jwt/index.ts';
import { asString, didOf, earliest, fromIso, fromSeconds, isObject, latest } from './claims.ts';

/**
 * A credential as read from its JWT, before anything about it is believed. Both securing
 * mechanisms end up in one shape:
 * - `jwt_vc_json`: VC Data Model 1.1 JWT encoding, the credential in the `vc` claim with
 *   `iss`, `sub`, `jti`, `nbf`, `exp` standing in for its fields (what Veramo issues);
 * - `vc+jwt`: VC Data Model 2.0 secured with VC-JOSE-COSE, the payload IS the credential.
 */
export interface CredentialUnderTest {
  jwt: string;
  header: ProtectedHeaderParameters;
  payload: Record<string, unknown>;
  securing: 'jwt_vc_json' | 'vc+jwt';
  /** The credential in its data-model shape: for `jwt_vc_json` normalized as DESIGN.md shows it. */
  credential: Record<string, unknown>;
  id: string | undefined;
  issuerDid: string | undefined;
  subjectDid: string | undefined;
  /** When it was issued: `nbf` / `issuanceDate` (1.1), `validFrom` / `iat` (2.0). */
  issuedAt: Date | undefined;
  /** Not valid before (`nbf`, `validFrom`). */
  notBefore: Date | undefined;
  /** Not valid after: the earliest of `exp`, `expirationDate`, `validUntil`. */
  expiresAt: Date | undefined;
  /** Claims that disagree with each other (`iss` against `vc.issuer`), found while normalizing. */
  conflicts: string[];
}

/** True when the decoded JWT carries a credential in either securing mechanism. */
export function isCredentialJwt(header: ProtectedHeaderParameters, payload: Record<string, unknown>): boolean {
  if (isObject(payload.vc)) return true;
  if (header.typ === 'vc+jwt') return true;
  return !isObject(payload.vp) && header.typ !== 'vp+jwt' && Array.isArray(payload.type) && payload.type.includes('VerifiableCredential');
}

/** Reads a credential JWT; throws `invalid_request` only when it is not a JWT at all. */
export function readCredential(jwt: string): CredentialUnderTest {
  const { header, payload } = decodeJwtParts(jwt);
  return isObject(payload.vc) ? readV11(jwt.trim(), header, payload) : readV2(jwt.trim(), header, payload);
}

function readV11(jwt: string, header: ProtectedHeaderParameters, payload: Record<string, unknown>): CredentialUnderTest {
  const vc = payload.vc as Record<string, unknown>;
  const conflicts: string[] = [];
  const vcIssuer = isObject(vc.issuer) ? vc.issuer : typeof vc.issuer === 'string' ? { id: vc.issuer } : {};
  const subject = isObject(vc.credentialSubject) ? vc.credentialSubject : {};
  const iss = asString(payload.iss);
  const sub = asString(payload.sub);
  const jti = asString(payload.jti);
  // The JWT claims stand for the credential's fields (VC Data Model 1.1, section 6.3.1); when both are given they must agree.
  if (iss && vcIssuer.id !== undefined && vcIssuer.id !== iss) conflicts.push(`iss ${iss} differs from vc.issuer ${String(vcIssuer.id)}`);
  if (sub && subject.id !== undefined && subject.id !== sub) conflicts.push(`sub ${sub} differs from vc.credentialSubject.id ${String(subject.id)}`);
  if (jti && vc.id !== undefined && vc.id !== jti) conflicts.push(`jti ${jti} differs from vc.id ${String(vc.id)}`);
  const nbf = fromSeconds(payload.nbf);
  const exp = fromSeconds(payload.exp);
  const issuanceDate = asString(vc.issuanceDate) ?? (nbf ?? fromSeconds(payload.iat))?.toISOString();
  const expirationDate = asString(vc.expirationDate) ?? exp?.toISOString();
  const credential: Record<string, unknown> = {
    ...vc,
    ...((jti ?? vc.id) !== undefined ? { id: jti ?? vc.id } : {}),
    issuer: { ...vcIssuer, id: iss ?? vcIssuer.id },
    ...(issuanceDate ? { issuanceDate } : {}),
    ...(expirationDate ? { expirationDate } : {}),
    credentialSubject: { ...subject, ...((sub ?? subject.id) !== undefined ? { id: sub ?? subject.id } : {}) },
  };
  return {
    jwt,
    header,
    payload,
    securing: 'jwt_vc_json',
    credential,
    id: asString(credential.id),
    issuerDid: didOf(iss ?? vcIssuer.id),
    subjectDid: didOf(sub ?? subject.id),
    issuedAt: nbf ?? fromIso(vc.issuanceDate) ?? fromSeconds(payload.iat),
    notBefore: nbf,
    expiresAt: earliest(exp, fromIso(vc.expirationDate)),
    conflicts,
  };
}

/**
 * The one subject a VC 2.0 credential is about: its only subject, or the id that every subject
 * of a set shares. Several different subjects (or none) have no one subject to bind a holder to.
 */
function theSubject(value: unknown): { id?: unknown } {
  const subjects = Array.isArray(value) ? value.filter(isObject) : isObject(value) ? [value] : [];
  const ids = new Set(subjects.map((s) => s.id));
  return subjects.length && ids.size === 1 ? { id: subjects[0]!.id } : {};
}

function readV2(jwt: string, header: ProtectedHeaderParameters, payload: Record<string, unknown>): CredentialUnderTest {
  const issuerId = isObject(payload.issuer) ? payload.issuer.id : payload.issuer;
  const subject = theSubject(payload.credentialSubject);
  const conflicts: string[] = [];
  // VC-JOSE-COSE, section 3.1.2: JWT claims that duplicate credential properties must not contradict them.
  if (payload.iss !== undefined && payload.iss !== issuerId) conflicts.push(`iss ${String(payload.iss)} differs from issuer ${String(issuerId)}`);
  if (payload.sub !== undefined && subject.id !== payload.sub) conflicts.push(`sub ${String(payload.sub)} differs from credentialSubject.id ${String(subject.id)}`);
  if (payload.jti !== undefined && payload.id !== undefined && payload.jti !== payload.id) conflicts.push(`jti ${String(payload.jti)} differs from id ${String(payload.id)}`);
  const validFrom = fromIso(payload.validFrom);
  return {
    jwt,
    header,
    payload,
    securing: 'vc+jwt',
    credential: payload,
    id: asString(payload.id) ?? asString(payload.jti),
    issuerDid: didOf(issuerId),
    subjectDid: didOf(subject.id),
    // Issued when signed (iat); validFrom may lie before that, as a diploma's does.
    issuedAt: fromSeconds(payload.iat) ?? validFrom,
    notBefore: latest(validFrom, fromSeconds(payload.nbf)),
    expiresAt: earliest(fromIso(payload.validUntil), fromSeconds(payload.exp)),
    conflicts,
  };
}

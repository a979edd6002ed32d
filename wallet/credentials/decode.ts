import { VOLUNTEER_CREDENTIAL_TYPE, type VolunteerActivityCredential } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { decodeJwtParts } from '../../shared/jwt/index.ts';

/** A VC-JWT and the credential it carries, normalized to the shape of DESIGN.md. */
export interface DecodedCredential {
  jwt: string;
  id: string;
  issuerDid: string;
  subjectDid: string | undefined;
  issuedAt: Date;
  expiresAt: Date | undefined;
  credential: VolunteerActivityCredential;
}

/**
 * Decodes a VC Data Model 1.1 VC-JWT (`vc` claim) and moves the registered claims back into the
 * credential as contracts.md says: id ← jti, issuer.id ← iss, issuanceDate ← nbf,
 * credentialSubject.id ← sub, expirationDate ← exp. Nothing is verified here.
 * Throws `invalid_request` when the text is not such a JWT.
 */
export function decodeCredential(jwt: string): DecodedCredential {
  const { payload } = decodeJwtParts(jwt);
  const vc = payload.vc;
  if (!isObject(vc)) throw new PassportError('invalid_request', 'The JWT has no vc claim: it is not a VC-JWT');
  if (typeof payload.iss !== 'string') throw new PassportError('invalid_request', 'The VC-JWT has no iss');
  const id = typeof payload.jti === 'string' ? payload.jti : typeof vc.id === 'string' ? vc.id : undefined;
  if (!id) throw new PassportError('invalid_request', 'The VC-JWT has neither jti nor vc.id');
  const issuedAt = typeof payload.nbf === 'number' ? new Date(payload.nbf * 1000) : dateOf(vc.issuanceDate);
  if (!issuedAt) throw new PassportError('invalid_request', 'The VC-JWT has neither nbf nor vc.issuanceDate');
  const expiresAt = typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : dateOf(vc.expirationDate);
  const subject = isObject(vc.credentialSubject) ? vc.credentialSubject : {};
  const subjectDid = typeof payload.sub === 'string' ? payload.sub : typeof subject.id === 'string' ? subject.id : undefined;
  const issuer = isObject(vc.issuer) ? vc.issuer : {};
  const credential = {
    ...vc,
    id,
    issuer: { ...issuer, id: payload.iss },
    issuanceDate: issuedAt.toISOString(),
    ...(expiresAt ? { expirationDate: expiresAt.toISOString() } : {}),
    credentialSubject: { ...subject, ...(subjectDid ? { id: subjectDid } : {}) },
  } as unknown as VolunteerActivityCredential;
  return { jwt: jwt.trim(), id, issuerDid: payload.iss, subjectDid, issuedAt, expiresAt, credential };
}

export function isVolunteerActivity(credential: VolunteerActivityCredential): boolean {
  return Array.isArray(credential.type) && credential.type.includes(VOLUNTEER_CREDENTIAL_TYPE);
}

function dateOf(value: unknown): Date | undefined {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

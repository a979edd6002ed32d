import type { CredentialPayload } from '@veramo/core-types';
import type { Json } from './request.ts';

/** The members the VC 1.1 JWT encoding turns into claims (section 6.3.1), besides the `vc` claim's own. */
const MAPPED = ['@context', 'type', 'id', 'issuer', 'issuanceDate', 'expirationDate', 'credentialSubject'];

/**
 * A VC 1.1 credential as did-jwt-vc (under `signCredential`) should encode it: `id` → `jti`,
 * `issuer` → `iss`, `issuanceDate` → `nbf`, `expirationDate` → `exp`, `credentialSubject.id`
 * → `sub`, and every other member inside the `vc` claim. did-jwt-vc would otherwise copy any
 * member it does not know to the top of the JWT, where it is read as a claim. `sub` is given
 * explicitly so that the subject keeps its id in `vc` too (a subject with only an id would
 * otherwise be left empty).
 */
export function vcJwtInput(credential: Json): CredentialPayload {
  const mapped: Json = {};
  const vc: Json = {};
  for (const [name, value] of Object.entries(credential)) (MAPPED.includes(name) ? mapped : vc)[name] = value;
  const subjectId = (credential.credentialSubject as Json).id;
  return { ...mapped, ...(typeof subjectId === 'string' ? { sub: subjectId } : {}), vc } as unknown as CredentialPayload;
}

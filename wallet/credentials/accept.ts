import { credentialSchemaProblems } from '../../shared/credential/index.ts';
import type { DidResolver } from '../../shared/did/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { verifyDidJwt } from '../../shared/jwt/index.ts';
import { decodeCredential, isVolunteerActivity, type DecodedCredential } from './decode.ts';

/** Why a credential was not taken into a passport: a stable code for each rule. */
export type RejectionCode = 'invalid_format' | 'wrong_type' | 'not_subject' | 'bad_signature' | 'issuer_unreachable' | 'schema';

/**
 * The checks a credential passes before it enters a passport, whether claimed or imported: it is
 * a VC-JWT, a VolunteerActivityCredential, about this volunteer's DID, signed by its issuer's DID,
 * and it conforms to the schema. Each rule is a small function; the first that fails throws a
 * `PassportError` whose `extra.rejection` says which.
 */
export async function acceptCredential(jwt: string, holderDid: string, deps: { dids: DidResolver; now: () => Date }): Promise<DecodedCredential> {
  const decoded = decodeOrReject(jwt);
  isActivityCredential(decoded);
  isAboutHolder(decoded, holderDid);
  await isSignedByIssuer(decoded, deps.dids);
  conformsToSchema(decoded, deps.now());
  return decoded;
}

function decodeOrReject(jwt: string): DecodedCredential {
  try {
    return decodeCredential(jwt);
  } catch (err) {
    throw reject('invalid_format', err instanceof PassportError ? err.detail : 'Not a VC-JWT');
  }
}

function isActivityCredential(decoded: DecodedCredential): void {
  if (!isVolunteerActivity(decoded.credential)) throw reject('wrong_type', 'The credential is not a VolunteerActivityCredential');
}

function isAboutHolder(decoded: DecodedCredential, holderDid: string): void {
  // A credential about someone else would let its bearer present another volunteer's work.
  if (decoded.subjectDid !== holderDid) {
    throw reject('not_subject', `The credential is about ${decoded.subjectDid ?? 'nobody'}, not this passport's DID ${holderDid}`);
  }
}

async function isSignedByIssuer(decoded: DecodedCredential, dids: DidResolver): Promise<void> {
  try {
    await verifyDidJwt(decoded.jwt, { dids, relationship: 'assertionMethod', expectedDid: decoded.issuerDid });
  } catch (err) {
    if (err instanceof PassportError && (err.code === 'fetch_failed' || err.code === 'fetch_refused')) {
      throw reject('issuer_unreachable', `The issuer's DID ${decoded.issuerDid} could not be resolved: ${err.detail}`, 502);
    }
    throw reject('bad_signature', err instanceof PassportError ? err.detail : 'The signature does not verify');
  }
}

function conformsToSchema(decoded: DecodedCredential, now: Date): void {
  const problems = credentialSchemaProblems(decoded.credential, now);
  if (problems.length) throw reject('schema', `The credential does not conform to the VolunteerActivityCredential schema: ${problems.slice(0, 3).join('; ')}`);
}

function reject(rejection: RejectionCode, detail: string, status?: number): PassportError {
  return new PassportError(status === 502 ? 'upstream_unavailable' : 'unprocessable', detail, { extra: { rejection } });
}

export function rejectionOf(err: unknown): RejectionCode | undefined {
  return err instanceof PassportError ? (err.extra?.rejection as RejectionCode | undefined) : undefined;
}

import { PassportError } from '../../shared/errors.ts';
import { verifyDidJwt } from '../../shared/jwt/index.ts';
import type { VerificationRelationship } from '../../shared/did/index.ts';
import type { CheckContext } from './context.ts';
import type { ResolvedIssuer } from './issuer-resolved.ts';
import { SIGNATURE } from './ids.ts';
import { failed, passed, unavailable, type Check } from './outcome.ts';

/**
 * The JWT is signed by `signerDid` with a key its DID document authorizes for `relationship`
 * (assertionMethod for credentials, authentication for presentations), the algorithm pinned by
 * the key's type. Runs only once the signer's document resolved; otherwise the signature could
 * not be checked.
 */
export async function checkSignature(
  jwt: string,
  signerDid: string | undefined,
  relationship: VerificationRelationship,
  ctx: CheckContext,
  resolved: ResolvedIssuer,
): Promise<Check> {
  if (!signerDid) return failed(SIGNATURE, 'no_signer', 'No DID is named as the signer');
  const document = resolved.document;
  if (!document) {
    const why = resolved.check.error?.detail ?? 'it did not resolve';
    return unavailable(SIGNATURE, 'signer_unresolved', `the DID document of ${signerDid} is needed to check the signature (${why})`);
  }
  // The document just resolved is the one the signature is judged by, even when the cache lifetime is zero.
  const dids = { ...ctx.dids, resolveDocument: async (did: string) => (did === signerDid ? document : ctx.dids.resolveDocument(did)) };
  try {
    const verified = await verifyDidJwt(jwt, { dids, relationship, expectedDid: signerDid });
    return passed(SIGNATURE, `Signed by ${verified.kid}`, { kid: verified.kid });
  } catch (err) {
    const e = err instanceof PassportError ? err : new PassportError('unprocessable', String(err));
    // The key may have rotated since the document was cached: the next verification fetches it again.
    ctx.dids.forget(signerDid);
    return failed(SIGNATURE, 'bad_signature', e.detail);
  }
}

import { PassportError } from '../../shared/errors.ts';
import type { DIDDocument } from 'did-resolver';
import { decodeJwtParts, verifyDidJwt } from '../../shared/jwt/index.ts';
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
    // The key may have rotated since the document was cached: a kid the cached document does not
    // name is looked up once more in a fresh copy before the signature is called bad.
    ctx.dids.forget(signerDid);
    if (namesUnknownKey(jwt, document)) {
      try {
        const verified = await verifyDidJwt(jwt, { dids: ctx.dids, relationship, expectedDid: signerDid });
        return passed(SIGNATURE, `Signed by ${verified.kid}`, { kid: verified.kid });
      } catch (again) {
        if (again instanceof PassportError && (again.code === 'fetch_failed' || again.code === 'fetch_refused')) {
          return unavailable(SIGNATURE, 'signer_unresolved', `the DID document of ${signerDid} is needed to check the signature with ${String(decodeJwtParts(jwt).header.kid)} (${again.detail})`);
        }
        return badSignature(again);
      }
    }
    return badSignature(err);
  }
}

function badSignature(err: unknown): Check {
  const e = err instanceof PassportError ? err : new PassportError('unprocessable', String(err));
  return failed(SIGNATURE, 'bad_signature', e.detail);
}

function namesUnknownKey(jwt: string, document: DIDDocument): boolean {
  let kid: unknown;
  try {
    kid = decodeJwtParts(jwt).header.kid;
  } catch {
    return false;
  }
  if (typeof kid !== 'string') return false;
  const absolute = kid.startsWith('#') ? `${document.id}${kid}` : kid;
  return !(document.verificationMethod ?? []).some((vm) => (vm.id.startsWith('#') ? `${document.id}${vm.id}` : vm.id) === absolute);
}

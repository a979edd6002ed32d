import { compactVerify } from 'jose';
import type { DidResolver, VerificationRelationship } from '../did/index.ts';
import { findVerificationKey } from '../did/index.ts';
import { PassportError } from '../errors.ts';
import { decodeJwtParts, type DecodedJwt } from './decode.ts';

export interface VerifiedDidJwt extends DecodedJwt {
  /** The DID whose key signed. */
  did: string;
  /** The verification method that signed. */
  kid: string;
}

export interface VerifyDidJwtOptions {
  dids: DidResolver;
  relationship: VerificationRelationship;
  /** The DID that must have signed (the `iss`), when the caller knows it. */
  expectedDid?: string;
}

/**
 * Verifies a JWT's signature with the key its DID document authorizes: the signer is the DID of
 * `kid` (or of `iss` when there is no `kid`), the algorithm is pinned by the key's type, and a
 * header `alg` that disagrees is refused. Claims (`exp`, `nbf`, `aud`) are left to the caller,
 * who reports them as checks of their own.
 *
 * Throws `PassportError` `unprocessable` for a bad signature or key, and lets resolution errors
 * (`fetch_refused`, `fetch_failed`, `invalid_request`) through so callers can tell "could not check".
 */
export async function verifyDidJwt(jwt: string, options: VerifyDidJwtOptions): Promise<VerifiedDidJwt> {
  const decoded = decodeJwtParts(jwt);
  const kid = typeof decoded.header.kid === 'string' ? decoded.header.kid : undefined;
  const iss = typeof decoded.payload.iss === 'string' ? decoded.payload.iss : undefined;
  const did = (kid && !kid.startsWith('#') ? kid : iss)?.split('#')[0];
  if (!did || !did.startsWith('did:')) throw new PassportError('unprocessable', 'The JWT names no DID in its kid or iss');
  if (options.expectedDid && did !== options.expectedDid) {
    throw new PassportError('unprocessable', `The JWT is signed by ${did}, not by ${options.expectedDid}`);
  }
  if (iss && iss.startsWith('did:') && iss !== did) throw new PassportError('unprocessable', `The kid's DID ${did} differs from iss ${iss}`);
  const doc = await options.dids.resolveDocument(did);
  const key = findVerificationKey(doc, kid ? (kid.startsWith('#') ? did + kid : kid) : undefined, options.relationship);
  if (decoded.header.alg !== key.alg) {
    throw new PassportError('unprocessable', `The JWT says alg ${String(decoded.header.alg)} but the key ${key.id} signs with ${key.alg}`);
  }
  try {
    await compactVerify(jwt.trim(), key.key, { algorithms: [key.alg] });
  } catch (cause) {
    throw new PassportError('unprocessable', `The signature does not verify with ${key.id}`, { cause });
  }
  return { ...decoded, did, kid: key.id };
}

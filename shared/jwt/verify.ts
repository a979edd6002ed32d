import { verify as verifySignature } from 'node:crypto';
import type { DidResolver, VerificationRelationship } from '../did/index.ts';
import { findVerificationKey, type VerificationKey } from '../did/index.ts';
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
  // No JWS extension is understood here, so a header that marks one critical is refused (RFC 7515, 4.1.11),
  // which also refuses unencoded payloads (`b64: false`, RFC 7797).
  if (decoded.header.crit !== undefined || decoded.header.b64 !== undefined) {
    throw new PassportError('unprocessable', 'The JWT header names extensions (crit, b64) this verifier does not understand');
  }
  if (!signatureVerifies(jwt.trim(), key)) throw new PassportError('unprocessable', `The signature does not verify with ${key.id}`);
  return { ...decoded, did, kid: key.id };
}

const SIGNATURE_BYTES: Record<VerificationKey['alg'], number> = { EdDSA: 64, ES256: 64, ES384: 96 };
const DIGEST: Record<VerificationKey['alg'], string | null> = { EdDSA: null, ES256: 'sha256', ES384: 'sha384' };

/**
 * One synchronous `crypto.verify` with the cached `KeyObject` and the algorithm the key pins:
 * no WebCrypto promise, no key import per call. ECDSA signatures are JOSE's fixed-length r‖s.
 */
function signatureVerifies(jwt: string, key: VerificationKey): boolean {
  const lastDot = jwt.lastIndexOf('.');
  const signature = Buffer.from(jwt.slice(lastDot + 1), 'base64url');
  if (signature.length !== SIGNATURE_BYTES[key.alg]) return false;
  const signingInput = Buffer.from(jwt.slice(0, lastDot), 'ascii');
  try {
    return key.alg === 'EdDSA'
      ? verifySignature(null, signingInput, key.key, signature)
      : verifySignature(DIGEST[key.alg], signingInput, { key: key.key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

import { compactVerify } from 'jose';
import { ed25519PublicKeyObject } from '../../shared/crypto/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { decodeJwtParts, verifyDidJwt } from '../../shared/jwt/index.ts';
import { holderKeyOf } from '../../shared/sd-jwt-vc/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { PROOF_IAT_SKEW_SECONDS, PROOF_TYP } from './constants.ts';

export interface VerifiedProof {
  /** The holder's did:key: the credential's subject (for a `jwk` proof, the did:key of that Ed25519 key). */
  holderDid: string;
  nonce: string;
}

export interface ProofOptions {
  /**
   * Whether the key may also come as a `jwk` header (an Ed25519 public key), as SD-JWT VC wallets
   * send it; a VC-JWT's subject is a did:key, named by `kid`.
   */
  acceptJwk?: boolean;
}

/**
 * Checks a `jwt` proof of possession (OpenID4VCI 1.0, appendix F.1): typed
 * `openid4vci-proof+jwt`, signed by the did:key its `kid` names, addressed to this issuer, fresh,
 * and carrying a nonce (consumed later, in the issuing transaction). Each rule answers its own
 * `invalid_proof` so a wallet developer sees which one failed.
 */
export async function verifyProofJwt(deps: Pick<IssuerDeps, 'dids' | 'config'>, jwt: unknown, now: Date, options: ProofOptions = {}): Promise<VerifiedProof> {
  if (typeof jwt !== 'string') throw invalid('The proof JWT must be a string');
  let decoded;
  try {
    decoded = decodeJwtParts(jwt);
  } catch {
    throw invalid('The proof is not a compact JWT');
  }
  const { header, payload } = decoded;
  if (header.typ !== PROOF_TYP) throw invalid(`The proof's typ must be ${PROOF_TYP}`);
  const holderDid = options.acceptJwk && header.jwk !== undefined ? await jwkHolder(jwt, header) : await didKeyHolder(deps, jwt, header);
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!aud.includes(deps.config.issuerUrl)) throw invalid(`The proof's aud must be the credential issuer ${deps.config.issuerUrl}`);
  if (typeof payload.iat !== 'number') throw invalid('The proof needs iat');
  if (Math.abs(payload.iat - now.getTime() / 1000) > PROOF_IAT_SKEW_SECONDS) {
    throw invalid(`The proof's iat is more than ${PROOF_IAT_SKEW_SECONDS / 60} minutes away from the issuer's clock`);
  }
  if (typeof payload.nonce !== 'string' || !payload.nonce) {
    throw new PassportError('invalid_nonce', 'The proof needs the c_nonce from the nonce endpoint', { field: 'proof.nonce' });
  }
  return { holderDid, nonce: payload.nonce };
}

async function didKeyHolder(deps: Pick<IssuerDeps, 'dids'>, jwt: string, header: Record<string, unknown>): Promise<string> {
  if (typeof header.kid !== 'string' || !/^did:key:[^#]+#.+$/.test(header.kid)) {
    throw invalid('The proof must name its key as a did:key URL in kid (x5c is not supported)');
  }
  if (header.jwk !== undefined || header.x5c !== undefined) throw invalid('The proof must carry exactly one of kid, jwk, x5c: here kid');
  try {
    return (await verifyDidJwt(jwt, { dids: deps.dids, relationship: 'authentication' })).did;
  } catch (cause) {
    throw invalid(`The proof's signature does not verify: ${(cause as Error).message}`);
  }
}

/** A proof carrying its key as a `jwk` header: an Ed25519 public key, whose did:key the holder is. */
async function jwkHolder(jwt: string, header: Record<string, unknown>): Promise<string> {
  if (header.kid !== undefined || header.x5c !== undefined) throw invalid('The proof must carry exactly one of kid, jwk, x5c: here jwk');
  const key = holderKeyOf({ jwk: header.jwk });
  if (!key) throw invalid('The proof\'s jwk must be an Ed25519 public key (kty OKP, crv Ed25519, no private part)');
  if (header.alg !== 'EdDSA') throw invalid('A proof by an Ed25519 key is signed with alg EdDSA');
  try {
    await compactVerify(jwt.trim(), ed25519PublicKeyObject(key.publicKey), { algorithms: ['EdDSA'] });
  } catch {
    throw invalid("The proof's signature does not verify with its jwk");
  }
  return key.did;
}

function invalid(detail: string): PassportError {
  return new PassportError('invalid_proof', detail, { field: 'proof' });
}

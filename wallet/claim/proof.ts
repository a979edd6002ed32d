import { createPublicKey } from 'node:crypto';
import { CompactSign } from 'jose';
import { signJwt } from '../../shared/jwt/index.ts';
import type { HolderSigner } from '../holder/index.ts';

export const PROOF_TYP = 'openid4vci-proof+jwt';

/**
 * The key proof (OpenID4VCI 1.0, appendix F.1): a JWT signed with the volunteer's did:key, its
 * `kid` the key's DID URL, so the issuer binds the credential to that DID. No `iss`: the
 * pre-authorized code flow has no client id.
 */
export async function makeKeyProof(signer: HolderSigner, audience: string, nonce: string | undefined, now: Date, keyAs: 'kid' | 'jwk' = 'kid'): Promise<string> {
  const payload = { aud: audience, iat: Math.floor(now.getTime() / 1000), ...(nonce ? { nonce } : {}) };
  if (keyAs === 'kid') return signJwt(payload, { key: signer.key, kid: signer.kid, typ: PROOF_TYP });
  // For configurations bound by `jwk` (an SD-JWT VC's cnf): the same key, carried as a public JWK.
  const { kty, crv, x } = createPublicKey(signer.key).export({ format: 'jwk' });
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ: PROOF_TYP, jwk: { kty, crv, x } }).sign(signer.key);
}

import { signJwt } from '../../shared/jwt/index.ts';
import type { HolderSigner } from '../holder/index.ts';

export const PROOF_TYP = 'openid4vci-proof+jwt';

/**
 * The key proof (OpenID4VCI 1.0, appendix F.1): a JWT signed with the volunteer's did:key, its
 * `kid` the key's DID URL, so the issuer binds the credential to that DID. No `iss`: the
 * pre-authorized code flow has no client id.
 */
export async function makeKeyProof(signer: HolderSigner, audience: string, nonce: string | undefined, now: Date): Promise<string> {
  return signJwt(
    { aud: audience, iat: Math.floor(now.getTime() / 1000), ...(nonce ? { nonce } : {}) },
    { key: signer.key, kid: signer.kid, typ: PROOF_TYP },
  );
}

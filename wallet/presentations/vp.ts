import { randomUUID } from 'node:crypto';
import { VC_V1_CONTEXT } from '../../shared/credential/index.ts';
import { signJwt } from '../../shared/jwt/index.ts';
import type { HolderSigner } from '../holder/index.ts';

export interface PresentationOptions {
  now: Date;
  expiresAt: Date;
  /** The verifier's challenge (OpenID4VP); absent for share links, which answer no challenge. */
  nonce?: string;
  /** The verifier's client_id (OpenID4VP); absent for share links. */
  audience?: string;
}

/**
 * A VP-JWT (VC Data Model 1.1 JWT encoding) signed by the volunteer's did:key, carrying the chosen
 * VC-JWTs as they were issued. The holder's signature is what proves the presenter is the subject.
 *
 * @example
 * const vp = await signPresentation(holders.signer(volunteer), [vcJwt], { now, expiresAt });
 */
export async function signPresentation(signer: HolderSigner, credentials: readonly string[], options: PresentationOptions): Promise<string> {
  return signJwt(
    {
      iss: signer.did,
      nbf: Math.floor(options.now.getTime() / 1000),
      exp: Math.floor(options.expiresAt.getTime() / 1000),
      jti: `urn:uuid:${randomUUID()}`,
      ...(options.nonce ? { nonce: options.nonce } : {}),
      ...(options.audience ? { aud: options.audience } : {}),
      vp: {
        '@context': [VC_V1_CONTEXT],
        type: ['VerifiablePresentation'],
        holder: signer.did,
        verifiableCredential: [...credentials],
      },
    },
    { key: signer.key, kid: signer.kid, typ: 'JWT' },
  );
}

import type { CredentialPayload, VerifiableCredential } from '@veramo/core-types';
import type { PassportAgent } from '../../shared/agent/index.ts';
import type { SigningKey } from '../registry/signing-key.ts';

export interface SignedCredential {
  jwt: string;
  /** The credential as VC API callers expect it: the body with `proof: { type: 'JwtProof2020', jwt }`. */
  verifiableCredential: VerifiableCredential;
}

/**
 * Signs a credential as a VC-JWT (VC Data Model 1.1 JWT encoding, EdDSA) with the issuer DID's
 * current key (`signingKeyOf`), held by the Veramo agent. The `kid` header names that key's
 * verification method (`{did}#key-2` after one rotation), so verifiers pick the right key of
 * the DID document. The issuer's id travels as `iss` and its other members (the name in kk, ru,
 * en) as `vc.issuer` (contracts.md), where VC-JWT readers look; did-jwt-vc would otherwise
 * leave them outside the `vc` claim.
 */
export async function signCredential(agent: PassportAgent, credential: CredentialPayload & Record<string, unknown>, signer: SigningKey): Promise<SignedCredential> {
  const { issuer, vc, ...rest } = credential as CredentialPayload & { vc?: Record<string, unknown> };
  const { id: _id, ...details } = typeof issuer === 'object' && issuer !== null ? (issuer as Record<string, unknown>) : {};
  const sign = () =>
    agent.createVerifiableCredential({
      credential: { ...rest, issuer: signer.did, ...(Object.keys(details).length || vc ? { vc: { ...vc, ...(Object.keys(details).length ? { issuer: details } : {}) } } : {}) },
      proofFormat: 'jwt',
      keyRef: signer.kid,
      header: { kid: `${signer.did}#${signer.fragment}` },
    });
  let signed;
  try {
    signed = await sign();
  } catch (err) {
    // A rotation publishes its key after attaching it to the agent's identifier, but two
    // rotations at once can lose one attachment (the identifier is read, changed and written
    // back). The published key is the authority: attach it again and sign.
    if (!/key_not_found/.test(String((err as Error).message))) throw err;
    await agent.didManagerAddKey({ did: signer.did, key: await agent.keyManagerGet({ kid: signer.kid }) });
    signed = await sign();
  }
  const jwt = (signed.proof as { jwt: string }).jwt;
  return { jwt, verifiableCredential: { ...(credential as VerifiableCredential), proof: { type: 'JwtProof2020', jwt } } };
}

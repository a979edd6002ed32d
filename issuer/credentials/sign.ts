import type { CredentialPayload, VerifiableCredential } from '@veramo/core-types';
import type { PassportAgent } from '../../shared/agent/index.ts';

/** The fragment of the key every organization's DID document names (`{did}#key-1`). */
export const ORGANIZATION_KEY_FRAGMENT = 'key-1';

export interface SignedCredential {
  jwt: string;
  /** The credential as VC API callers expect it: the body with `proof: { type: 'JwtProof2020', jwt }`. */
  verifiableCredential: VerifiableCredential;
}

/**
 * Signs a credential as a VC-JWT (VC Data Model 1.1 JWT encoding, EdDSA) with the issuer DID's
 * key held by the Veramo agent. The `kid` header names the verification method of the DID
 * document, so verifiers find the key without guessing. The issuer's id travels as `iss` and its
 * other members (the name in kk, ru, en) as `vc.issuer` (contracts.md), where VC-JWT readers look;
 * did-jwt-vc would otherwise leave them outside the `vc` claim.
 */
export async function signCredential(agent: PassportAgent, credential: CredentialPayload & Record<string, unknown>, issuerDid: string): Promise<SignedCredential> {
  const { issuer, vc, ...rest } = credential as CredentialPayload & { vc?: Record<string, unknown> };
  const { id: _id, ...details } = typeof issuer === 'object' && issuer !== null ? (issuer as Record<string, unknown>) : {};
  const signed = await agent.createVerifiableCredential({
    credential: { ...rest, issuer: issuerDid, ...(Object.keys(details).length || vc ? { vc: { ...vc, ...(Object.keys(details).length ? { issuer: details } : {}) } } : {}) },
    proofFormat: 'jwt',
    header: { kid: `${issuerDid}#${ORGANIZATION_KEY_FRAGMENT}` },
  });
  const jwt = (signed.proof as { jwt: string }).jwt;
  return { jwt, verifiableCredential: { ...(credential as VerifiableCredential), proof: { type: 'JwtProof2020', jwt } } };
}

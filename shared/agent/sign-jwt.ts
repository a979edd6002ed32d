import type { IDIDManager, IKeyManager, TAgent } from '@veramo/core';

export interface AgentJwtSigner {
  /** The DID whose key signs; the agent must manage it. */
  did: string;
  /** The verification method put in the `kid` header (`{did}#key-1`). */
  kid: string;
  /** The agent's key to sign with, when the DID has several (after a rotation); its first key otherwise. */
  keyRef?: string;
}

/**
 * Signs a JSON payload as a compact JWS (EdDSA) with the Ed25519 key the agent holds for a DID,
 * so the private key never leaves the agent's sealed store. The payload is taken as given: the
 * caller sets `iss`, `iat` and `exp`.
 *
 * @example
 * const jwt = await signJwtWithAgent(agent, { did, kid: `${did}#key-1` }, payload, { typ: 'trust-list+jwt' });
 */
export async function signJwtWithAgent(
  agent: TAgent<IDIDManager & IKeyManager>,
  signer: AgentJwtSigner,
  payload: Record<string, unknown>,
  header: Record<string, unknown> = {},
): Promise<string> {
  const key = signer.keyRef ? await agent.keyManagerGet({ kid: signer.keyRef }) : await firstKey(agent, signer.did);
  if (!key || key.type !== 'Ed25519') throw new Error(`The agent holds no Ed25519 key for ${signer.did}`);
  const protectedHeader = { ...header, alg: 'EdDSA', kid: signer.kid };
  const signingInput = `${base64url(JSON.stringify(protectedHeader))}.${base64url(JSON.stringify(payload))}`;
  // The local KMS answers EdDSA signatures already base64url-encoded.
  const signature = await agent.keyManagerSign({ keyRef: key.kid, data: signingInput, algorithm: 'EdDSA', encoding: 'utf-8' });
  return `${signingInput}.${signature}`;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

async function firstKey(agent: TAgent<IDIDManager & IKeyManager>, did: string) {
  const identifier = await agent.didManagerGet({ did });
  return identifier.keys.find((k) => k.kid === identifier.controllerKeyId) ?? identifier.keys[0];
}

import type { IDIDManager, IKeyManager, TAgent } from '@veramo/core';
import { keySignerOf } from './key-signer.ts';

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
  const protectedHeader = { ...header, alg: 'EdDSA', kid: signer.kid };
  const signingInput = `${base64url(JSON.stringify(protectedHeader))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${await agentSigner(agent, signer)(signingInput)}`;
}

/**
 * The EdDSA signature function of the agent's key for a signer (its `keyRef`, else the DID's
 * first key): signing input in, base64url signature out. For libraries that assemble the JWS
 * themselves, such as the SD-JWT library for an SD-JWT VC's issuer-signed JWT.
 *
 * @example
 * const sign = agentSigner(agent, { did, kid: `${did}#key-2`, keyRef });
 * const signature = await sign(`${header}.${payload}`);
 */
export function agentSigner(agent: TAgent<IDIDManager & IKeyManager>, signer: Pick<AgentJwtSigner, 'did' | 'keyRef'>): (signingInput: string) => Promise<string> {
  return async (signingInput) => {
    // The agent's own keys sign directly (key-signer.ts): no store reads, Node's Ed25519.
    const direct = keySignerOf(agent);
    if (direct && signer.keyRef) return direct.sign(signer.keyRef, signingInput);
    const key = signer.keyRef ? await agent.keyManagerGet({ kid: signer.keyRef }) : await firstKey(agent, signer.did);
    if (!key || key.type !== 'Ed25519') throw new Error(`The agent holds no Ed25519 key for ${signer.did}`);
    if (direct) return direct.sign(key.kid, signingInput);
    // The local KMS answers EdDSA signatures already base64url-encoded.
    return agent.keyManagerSign({ keyRef: key.kid, data: signingInput, algorithm: 'EdDSA', encoding: 'utf-8' });
  };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

async function firstKey(agent: TAgent<IDIDManager & IKeyManager>, did: string) {
  const identifier = await agent.didManagerGet({ did });
  return identifier.keys.find((k) => k.kid === identifier.controllerKeyId) ?? identifier.keys[0];
}

import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import type { CredentialPayload, VerifiableCredential } from '@veramo/core-types';
import { MANDATORY_CREDENTIAL_CONTEXT, processEntryToArray } from '@veramo/utils';
import { createVerifiableCredentialJwt } from 'did-jwt-vc';
import { agentSigner, keySignerOf, signJwtWithAgent, type AgentKeySigner, type PassportAgent } from '../../shared/agent/index.ts';
import { VC_V2_CONTEXT } from '../../shared/credential/index.ts';
import { SD_ALG, sdJwtHasher, sdJwtSalt } from '../../shared/sd-jwt-vc/index.ts';
import { STATUS_LIST_JWT_TYPE } from '../../shared/status-list/index.ts';
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
  const payload = { ...rest, issuer: signer.did, ...(Object.keys(details).length || vc ? { vc: { ...vc, ...(Object.keys(details).length ? { issuer: details } : {}) } } : {}) };
  const header = { kid: `${signer.did}#${signer.fragment}` };
  const direct = keySignerOf(agent);
  const jwt = direct ? await signDirectly(direct, payload, signer, header) : await signThroughAgent(agent, payload, signer, header);
  return { jwt, verifiableCredential: { ...(credential as VerifiableCredential), proof: { type: 'JwtProof2020', jwt } } };
}

/**
 * What the agent's JWT credential provider does (`@veramo/credential-jwt`), the same JWT out, but
 * signed by the key itself (`signer.kid`, the DID's published key: web_did_keys is the authority,
 * so the agent's identifier is not read) with Node's Ed25519, and the JWT not decoded again.
 */
async function signDirectly(direct: AgentKeySigner, payload: Record<string, unknown>, signer: SigningKey, header: { kid: string }): Promise<string> {
  const credential = {
    ...payload,
    '@context': processEntryToArray(payload['@context'] as string[] | undefined, MANDATORY_CREDENTIAL_CONTEXT),
    type: processEntryToArray(payload.type as string[] | undefined, 'VerifiableCredential'),
  };
  return createVerifiableCredentialJwt(credential as Parameters<typeof createVerifiableCredentialJwt>[0], { did: signer.did, signer: (data) => direct.sign(signer.kid, data), alg: 'EdDSA' }, { header });
}

async function signThroughAgent(agent: PassportAgent, payload: Record<string, unknown>, signer: SigningKey, header: { kid: string }): Promise<string> {
  const sign = () => agent.createVerifiableCredential({ credential: payload as CredentialPayload, proofFormat: 'jwt', keyRef: signer.kid, header });
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
  return (signed.proof as { jwt: string }).jwt;
}

/** A credential secured as a vc+jwt and carried in a data: URL (VC Data Model 2.0, section 4.13). */
export interface EnvelopedCredential {
  '@context': string;
  id: string;
  type: 'EnvelopedVerifiableCredential';
}

export interface SignedEnvelopedCredential {
  jwt: string;
  verifiableCredential: EnvelopedCredential;
}

/**
 * Signs a VC Data Model 2.0 credential as a vc+jwt (VC-JOSE-COSE): the JWT payload IS the
 * credential, and the only claims added are derived from its own members (`iss` from `issuer`,
 * `jti` from `id`, `sub` from the one subject's `id`, `nbf` and `exp` from `validFrom` and
 * `validUntil`), plus `iat`, the moment of signing, which verifiers judge accreditation at.
 * Signed with the same key as `signCredential`, through the agent that holds it.
 */
export async function signEnvelopedCredential(agent: PassportAgent, credential: Record<string, unknown>, signer: SigningKey, now: Date): Promise<SignedEnvelopedCredential> {
  const jwt = await signJwtWithAgent(
    agent,
    { did: signer.did, kid: `${signer.did}#${signer.fragment}`, keyRef: signer.kid },
    { ...credential, ...claimsOf(credential, now) },
    { typ: 'vc+jwt', cty: 'vc' },
  );
  return { jwt, verifiableCredential: { '@context': VC_V2_CONTEXT, id: `data:application/vc+jwt,${jwt}`, type: 'EnvelopedVerifiableCredential' } };
}

function claimsOf(credential: Record<string, unknown>, now: Date): Record<string, unknown> {
  const issuer = credential.issuer as string | { id: string };
  const subject = credential.credentialSubject;
  const seconds = (value: unknown) => (typeof value === 'string' ? Math.floor(Date.parse(value) / 1000) : undefined);
  const claims: Record<string, unknown> = {
    iss: typeof issuer === 'string' ? issuer : issuer.id,
    jti: credential.id,
    sub: isSubject(subject) ? subject.id : undefined,
    iat: Math.floor(now.getTime() / 1000),
    nbf: seconds(credential.validFrom),
    exp: seconds(credential.validUntil),
  };
  return Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined));
}

function isSubject(value: unknown): value is { id?: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { id?: unknown }).id === 'string';
}

/**
 * Issues an SD-JWT VC (`dc+sd-jwt`) with the SD-JWT library: the claims named in `disclosable`
 * become salted disclosures whose digests the issuer signs, the others stay in the clear, and
 * `decoys` more digests hide how many claims are disclosable. The issuer-signed JWT is signed with
 * the same key as `signCredential` (the DID's current one), through the agent that holds it, and
 * names it in `kid`.
 */
export async function signSdJwtCredential(
  agent: PassportAgent,
  claims: { vct: string } & Record<string, unknown>,
  signer: SigningKey,
  { disclosable, decoys }: { disclosable: readonly string[]; decoys: number },
): Promise<string> {
  const sdjwt = new SDJwtVcInstance({
    signer: agentSigner(agent, { did: signer.did, keyRef: signer.kid }),
    signAlg: 'EdDSA',
    hasher: sdJwtHasher,
    hashAlg: SD_ALG,
    saltGenerator: sdJwtSalt,
  });
  const frame = { _sd: [...disclosable], ...(decoys > 0 ? { _sd_decoy: decoys } : {}) } as never;
  return sdjwt.issue({ ...claims, iss: signer.did }, frame, { header: { kid: `${signer.did}#${signer.fragment}` } });
}

/**
 * A Token Status List (`statuslist+jwt`, IETF OAuth Status List) signed with the same key as the
 * organization's credentials: what an SD-JWT VC's `status` points at.
 */
export async function signStatusListToken(agent: PassportAgent, payload: Record<string, unknown>, signer: SigningKey): Promise<string> {
  return signJwtWithAgent(agent, { did: signer.did, kid: `${signer.did}#${signer.fragment}`, keyRef: signer.kid }, payload, { typ: STATUS_LIST_JWT_TYPE });
}

import type { KeyObject } from 'node:crypto';
import { generateEd25519, ed25519PrivateKeyObject } from '../../../shared/crypto/index.ts';
import { didKeyFromPublicKey } from '../../../shared/did/index.ts';
import { signJwt } from '../../../shared/jwt/index.ts';
import { sampleActivity } from '../../helpers/activity.ts';
import { startService, type StartedService } from '../../helpers/services.ts';

import { call, type Answer, type CallOptions } from '../../helpers/http.ts';

export { call, type Answer, type CallOptions };

export const ADMIN = 'issuance-test-admin-token';

export interface Organization {
  id: string;
  did: string;
  apiKey: string;
  /** The API key's public id, as the audit trail names it. */
  apiKeyId: string;
}

export interface IssuerUnderTest {
  issuer: StartedService;
  api<T = any>(method: string, path: string, options?: CallOptions): Promise<Answer<T>>;
  /** Accredits an organization through the registry's HTTP route, as the registry would. */
  accredit(id: string, region?: string): Promise<Organization>;
}

export async function startIssuer(env: Record<string, string> = {}): Promise<IssuerUnderTest> {
  const issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: ADMIN, PASSPORT_SECRET: 'issuance-test-secret-0123456789abcdef', ...env } });
  const api = <T = any>(method: string, path: string, options?: CallOptions) => call<T>(issuer.url, method, path, options);
  return {
    issuer,
    api,
    async accredit(id, region = 'KZ-55') {
      const res = await api('POST', '/v1/organizations', {
        token: ADMIN,
        body: { id, name: { kk: `${id} ұйымы`, ru: `Организация ${id}`, en: `Organization ${id}` }, region },
      });
      if (res.status !== 201) throw new Error(`accrediting ${id} answered ${res.status}: ${res.text}`);
      return { id, did: res.body.did, apiKey: res.body.apiKey, apiKeyId: res.body.apiKeyId };
    },
  };
}

/** A realistic completed activity; `overrides` replace fields of the activity. */
export function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return sampleActivity(overrides);
}

export interface Holder {
  did: string;
  kid: string;
  key: KeyObject;
}

/** A volunteer's did:key, made in the test. */
export function newHolder(): Holder {
  const keys = generateEd25519();
  const did = didKeyFromPublicKey(keys.publicKey);
  return { did, kid: `${did}#${did.slice('did:key:'.length)}`, key: ed25519PrivateKeyObject(keys.privateKey, keys.publicKey) };
}

export interface ProofOptions {
  aud: string;
  nonce?: string;
  iat?: number;
  typ?: string;
  kid?: string;
  key?: KeyObject;
}

export function proofJwt(holder: Holder, options: ProofOptions): Promise<string> {
  const payload: Record<string, unknown> = { aud: options.aud, iat: options.iat ?? Math.floor(Date.now() / 1000) };
  if (options.nonce !== undefined) payload.nonce = options.nonce;
  return signJwt(payload, { key: options.key ?? holder.key, kid: options.kid ?? holder.kid, typ: options.typ ?? 'openid4vci-proof+jwt' });
}

/** The URL inside an `openid-credential-offer://?credential_offer_uri=…` link. */
export function offerUrlOf(offerUri: string): string {
  const url = new URL(offerUri);
  const inner = url.searchParams.get('credential_offer_uri');
  if (url.protocol !== 'openid-credential-offer:' || !inner) throw new Error(`not an offer by reference: ${offerUri}`);
  return inner;
}

export const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/** Fetches the offer and trades its fresh code for an access token, by hand. */
export async function accessTokenFor(t: IssuerUnderTest, offerUri: string): Promise<string> {
  const offer = await call(t.issuer.url, 'GET', offerUrlOf(offerUri));
  const code = offer.body.grants[PRE_AUTH]['pre-authorized_code'];
  const token = await t.api('POST', '/oid4vci/token', { raw: new URLSearchParams({ grant_type: PRE_AUTH, 'pre-authorized_code': code }).toString(), type: 'application/x-www-form-urlencoded' });
  if (token.status !== 200) throw new Error(`token answered ${token.status}: ${token.text}`);
  return token.body.access_token;
}

export async function freshNonce(t: IssuerUnderTest): Promise<string> {
  return (await t.api('POST', '/oid4vci/nonce')).body.c_nonce;
}

/** The whole pre-authorized flow by hand; answers the credential endpoint's response. */
export async function claimByHand(t: IssuerUnderTest, offerUri: string, holder: Holder): Promise<Answer> {
  const token = await accessTokenFor(t, offerUri);
  const jwt = await proofJwt(holder, { aud: t.issuer.url, nonce: await freshNonce(t) });
  return t.api('POST', '/oid4vci/credential', { token, body: { credential_configuration_id: 'VolunteerActivityCredential', proofs: { jwt: [jwt] } } });
}

export async function recordOne(t: IssuerUnderTest, org: Organization, overrides: Record<string, unknown> = {}, volunteer = 'Дана Әлиева'): Promise<{ id: string; offerUri: string }> {
  const res = await t.api('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name: volunteer }, activity: activity(overrides) } });
  if (res.status !== 201) throw new Error(`recording answered ${res.status}: ${res.text}`);
  return res.body;
}

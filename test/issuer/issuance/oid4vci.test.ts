import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEd25519, ed25519PrivateKeyObject } from '../../../shared/crypto/index.ts';
import { createDidResolver } from '../../../shared/did/index.ts';
import { decodeJwtParts, verifyDidJwt } from '../../../shared/jwt/index.ts';
import { createGuardedFetch } from '../../../shared/net/index.ts';
import {
  PRE_AUTH,
  accessTokenFor,
  call,
  claimByHand,
  freshNonce,
  newHolder,
  offerUrlOf,
  proofJwt,
  recordOne,
  startIssuer,
  type IssuerUnderTest,
  type Organization,
} from './setup.ts';

let t: IssuerUnderTest;
let org: Organization;
const dids = createDidResolver({ fetch: createGuardedFetch({ httpHosts: ['localhost'] }), httpHosts: ['localhost'] });
const form = (fields: Record<string, string>) => ({ raw: new URLSearchParams(fields).toString(), type: 'application/x-www-form-urlencoded' });
const credentialRequest = (jwt: string) => ({ credential_configuration_id: 'VolunteerActivityCredential', proofs: { jwt: [jwt] } });

beforeAll(async () => {
  t = await startIssuer();
  org = await t.accredit('eco-qyran');
}, 60_000);
afterAll(() => t?.issuer.stop());

describe('metadata', () => {
  it('publishes the credential issuer metadata of OpenID4VCI 1.0', async () => {
    const res = await t.api('GET', '/.well-known/openid-credential-issuer');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      credential_issuer: t.issuer.url,
      credential_endpoint: `${t.issuer.url}/oid4vci/credential`,
      nonce_endpoint: `${t.issuer.url}/oid4vci/nonce`,
    });
    expect(res.body.display.map((d: { locale: string }) => d.locale)).toEqual(['kk', 'ru', 'en']);
    const config = res.body.credential_configurations_supported.VolunteerActivityCredential;
    expect(config).toMatchObject({
      format: 'jwt_vc_json',
      credential_definition: { type: ['VerifiableCredential', 'VolunteerActivityCredential'] },
      cryptographic_binding_methods_supported: ['did:key'],
      credential_signing_alg_values_supported: ['EdDSA'],
      proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['EdDSA'] } },
    });
  });

  it('publishes the authorization server metadata for the pre-authorized grant', async () => {
    const res = await t.api('GET', '/.well-known/oauth-authorization-server');
    expect(res.body).toMatchObject({ issuer: t.issuer.url, token_endpoint: `${t.issuer.url}/oid4vci/token`, 'pre-authorized_grant_anonymous_access_supported': true });
  });
});

describe('the OpenAPI document', () => {
  it('describes every issuing route', async () => {
    const paths = Object.keys((await t.api('GET', '/openapi.json')).body.paths);
    for (const path of [
      '/v1/activities', '/v1/activities/batch', '/v1/activities/{id}', '/v1/activities/{id}/offer.png', '/v1/credentials/{id}/revoke',
      '/status/{org}/{list}', '/credentials/issue', '/.well-known/openid-credential-issuer', '/.well-known/oauth-authorization-server',
      '/oid4vci/offers/{token}', '/oid4vci/token', '/oid4vci/nonce', '/oid4vci/credential',
    ]) {
      expect(paths, path).toContain(path);
    }
  });
});

describe('the pre-authorized code flow', () => {
  it('issues a VC-JWT signed by the organization to the holder who proves their key', async () => {
    const { id, offerUri } = await recordOne(t, org);
    expect(offerUri.startsWith('openid-credential-offer://?credential_offer_uri=')).toBe(true);
    const offerUrl = offerUrlOf(offerUri);
    expect(offerUrl.startsWith(`${t.issuer.url}/oid4vci/offers/`)).toBe(true);

    const offer = await call(t.issuer.url, 'GET', offerUrl);
    expect(offer.status).toBe(200);
    expect(offer.headers.get('cache-control')).toBe('no-store');
    expect(offer.body).toMatchObject({ credential_issuer: t.issuer.url, credential_configuration_ids: ['VolunteerActivityCredential', 'VolunteerActivitySdJwt'] });
    const code = offer.body.grants[PRE_AUTH]['pre-authorized_code'];
    expect(code).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const token = await t.api('POST', '/oid4vci/token', form({ grant_type: PRE_AUTH, 'pre-authorized_code': code }));
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
    expect(token.headers.get('cache-control')).toBe('no-store');

    const nonce = await t.api('POST', '/oid4vci/nonce');
    expect(nonce.status).toBe(200);
    expect(nonce.headers.get('cache-control')).toBe('no-store');
    expect(typeof nonce.body.c_nonce).toBe('string');

    const holder = newHolder();
    const proof = await proofJwt(holder, { aud: t.issuer.url, nonce: nonce.body.c_nonce });
    const res = await t.api('POST', '/oid4vci/credential', { token: token.body.access_token, body: credentialRequest(proof) });
    expect(res.status).toBe(200);
    const jwt: string = res.body.credentials[0].credential;

    const verified = await verifyDidJwt(jwt, { dids, relationship: 'assertionMethod', expectedDid: org.did });
    expect(verified.kid).toBe(`${org.did}#key-1`);
    expect(verified.header.kid).toBe(`${org.did}#key-1`);
    const payload = verified.payload as Record<string, any>;
    expect(payload.iss).toBe(org.did);
    expect(payload.sub).toBe(holder.did);
    expect(payload.jti).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(payload.vc.type).toEqual(['VerifiableCredential', 'VolunteerActivityCredential']);
    expect(payload.vc.issuer.name).toEqual({ kk: 'eco-qyran ұйымы', ru: 'Организация eco-qyran', en: 'Organization eco-qyran' });
    expect(payload.vc.credentialSubject).toMatchObject({ name: 'Дана Әлиева', activity: { category: 'ecology', hours: 18.5, achievementType: 'CommunityService' } });
    expect(payload.vc.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListCredential: `${t.issuer.url}/status/eco-qyran/1` });
    expect(payload.vc.credentialSchema.id).toBe(`${t.issuer.url}/schemas/volunteer-activity/v1.json`);

    const activity = await t.api('GET', `/v1/activities/${id}`, { token: org.apiKey });
    expect(activity.body).toMatchObject({ status: 'claimed', credentialId: payload.jti });
    expect(activity.body.offerUri).toBeUndefined();
    expect((await call(t.issuer.url, 'GET', offerUrl)).body).toMatchObject({ status: 410, code: 'gone', error: 'invalid_request' });

    // None of the secrets of the flow reached the log.
    // The service's log reaches the test through a pipe: wait for its request lines to arrive.
    await expect.poll(() => t.issuer.output()).toContain('/oid4vci/offers/:token');
    const log = t.issuer.output();
    for (const secret of [offerUrl.split('/').pop()!, code, token.body.access_token, nonce.body.c_nonce, org.apiKey]) expect(log).not.toContain(secret);
  });

  it('accepts the older proof: { proof_type: "jwt" } request shape', async () => {
    const { offerUri } = await recordOne(t, org);
    const token = await accessTokenFor(t, offerUri);
    const jwt = await proofJwt(newHolder(), { aud: t.issuer.url, nonce: await freshNonce(t) });
    const res = await t.api('POST', '/oid4vci/credential', { token, body: { credential_configuration_id: 'VolunteerActivityCredential', proof: { proof_type: 'jwt', jwt } } });
    expect(res.status).toBe(200);
    expect(decodeJwtParts(res.body.credentials[0].credential).payload.iss).toBe(org.did);
  });

  it('mints a fresh single-use code at each fetch of the offer', async () => {
    const { offerUri } = await recordOne(t, org);
    const codes = await Promise.all([1, 2].map(async () => (await call(t.issuer.url, 'GET', offerUrlOf(offerUri))).body.grants[PRE_AUTH]['pre-authorized_code']));
    expect(codes[0]).not.toBe(codes[1]);
    const first = await t.api('POST', '/oid4vci/token', form({ grant_type: PRE_AUTH, 'pre-authorized_code': codes[0] }));
    expect(first.status).toBe(200);
    const replay = await t.api('POST', '/oid4vci/token', form({ grant_type: PRE_AUTH, 'pre-authorized_code': codes[0] }));
    expect(replay.status).toBe(400);
    expect(replay.headers.get('content-type')).toMatch(/^application\/json/);
    expect(replay.body).toMatchObject({ error: 'invalid_grant', code: 'invalid_grant', status: 400, type: 'urn:volunteer-passport:problem:invalid_grant' });
    expect(typeof replay.body.error_description).toBe('string');
    expect(replay.body.detail).toBe(replay.body.error_description);
    // The replay revoked the token that the code's first use made.
    const jwt = await proofJwt(newHolder(), { aud: t.issuer.url, nonce: await freshNonce(t) });
    const revokedToken = await t.api('POST', '/oid4vci/credential', { token: first.body.access_token, body: credentialRequest(jwt) });
    expect(revokedToken.status).toBe(401);
    expect(revokedToken.body).toMatchObject({ error: 'invalid_token' });
    expect(revokedToken.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('refuses unknown codes and other grant types in the OAuth shape', async () => {
    const unknown = await t.api('POST', '/oid4vci/token', form({ grant_type: PRE_AUTH, 'pre-authorized_code': 'not-a-code' }));
    expect(unknown.body).toMatchObject({ status: 400, error: 'invalid_grant' });
    const grant = await t.api('POST', '/oid4vci/token', form({ grant_type: 'authorization_code', code: 'x' }));
    expect(grant.body).toMatchObject({ status: 400, error: 'unsupported_grant_type' });
    const missing = await t.api('POST', '/oid4vci/token', form({ grant_type: PRE_AUTH }));
    expect(missing.body).toMatchObject({ status: 400, error: 'invalid_request', field: 'pre-authorized_code' });
  });

  it('does not answer an unknown offer', async () => {
    const res = await t.api('GET', '/oid4vci/offers/no-such-offer');
    expect(res.body).toMatchObject({ status: 404, error: 'invalid_request', code: 'not_found' });
  });
});

describe('refusals at the credential endpoint', () => {
  async function setUp() {
    const { offerUri } = await recordOne(t, org);
    return { token: await accessTokenFor(t, offerUri), holder: newHolder() };
  }

  it('refuses a proof signed by another key than its kid names', async () => {
    const { token, holder } = await setUp();
    const other = generateEd25519();
    const jwt = await proofJwt(holder, { aud: t.issuer.url, nonce: await freshNonce(t), key: ed25519PrivateKeyObject(other.privateKey, other.publicKey) });
    const res = await t.api('POST', '/oid4vci/credential', { token, body: credentialRequest(jwt) });
    expect(res.body).toMatchObject({ status: 400, error: 'invalid_proof', code: 'invalid_proof' });
  });

  it('refuses a proof for another audience, a stale or future iat, a wrong typ, a kid that is no did:key', async () => {
    const { token, holder } = await setUp();
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      { aud: 'https://other.example' },
      { aud: t.issuer.url, iat: now - 600 },
      { aud: t.issuer.url, iat: now + 600 },
      { aud: t.issuer.url, typ: 'JWT' },
      { aud: t.issuer.url, kid: 'did:web:example.com#key-1' },
    ];
    for (const c of cases) {
      const jwt = await proofJwt(holder, { nonce: await freshNonce(t), ...c });
      const res = await t.api('POST', '/oid4vci/credential', { token, body: credentialRequest(jwt) });
      expect(res.body, JSON.stringify(c)).toMatchObject({ status: 400, error: 'invalid_proof' });
    }
    // None of them used the token up: a good proof still works.
    const good = await t.api('POST', '/oid4vci/credential', { token, body: credentialRequest(await proofJwt(holder, { aud: t.issuer.url, nonce: await freshNonce(t) })) });
    expect(good.status).toBe(200);
  });

  it('refuses a made-up nonce, a missing one, and a nonce used before', async () => {
    const { token, holder } = await setUp();
    const madeUp = await t.api('POST', '/oid4vci/credential', { token, body: credentialRequest(await proofJwt(holder, { aud: t.issuer.url, nonce: 'made-up' })) });
    expect(madeUp.body).toMatchObject({ status: 400, error: 'invalid_nonce' });
    const none = await t.api('POST', '/oid4vci/credential', { token, body: credentialRequest(await proofJwt(holder, { aud: t.issuer.url })) });
    expect(none.body).toMatchObject({ status: 400, error: 'invalid_nonce' });
    const nonce = await freshNonce(t);
    expect((await t.api('POST', '/oid4vci/credential', { token, body: credentialRequest(await proofJwt(holder, { aud: t.issuer.url, nonce })) })).status).toBe(200);
    const second = await setUp();
    const reused = await t.api('POST', '/oid4vci/credential', { token: second.token, body: credentialRequest(await proofJwt(second.holder, { aud: t.issuer.url, nonce })) });
    expect(reused.body).toMatchObject({ status: 400, error: 'invalid_nonce' });
  });

  it('issues once per token: a second credential request is denied', async () => {
    const { token, holder } = await setUp();
    const first = await t.api('POST', '/oid4vci/credential', { token, body: credentialRequest(await proofJwt(holder, { aud: t.issuer.url, nonce: await freshNonce(t) })) });
    expect(first.status).toBe(200);
    const again = await t.api('POST', '/oid4vci/credential', { token, body: credentialRequest(await proofJwt(holder, { aud: t.issuer.url, nonce: await freshNonce(t) })) });
    expect(again.body).toMatchObject({ status: 403, error: 'credential_request_denied' });
  });

  it('a token works for its own offer only: claiming one offer leaves the other offered', async () => {
    const a = await recordOne(t, org, {}, 'Айгерім');
    const b = await recordOne(t, org, {}, 'Бекзат');
    const tokenA = await accessTokenFor(t, a.offerUri);
    const res = await t.api('POST', '/oid4vci/credential', { token: tokenA, body: credentialRequest(await proofJwt(newHolder(), { aud: t.issuer.url, nonce: await freshNonce(t) })) });
    expect(decodeJwtParts(res.body.credentials[0].credential).payload.vc).toMatchObject({ credentialSubject: { name: 'Айгерім' } });
    expect((await t.api('GET', `/v1/activities/${a.id}`, { token: org.apiKey })).body.status).toBe('claimed');
    expect((await t.api('GET', `/v1/activities/${b.id}`, { token: org.apiKey })).body.status).toBe('offered');
  });

  it('refuses a missing or unknown access token, and an unknown configuration', async () => {
    const jwt = await proofJwt(newHolder(), { aud: t.issuer.url, nonce: await freshNonce(t) });
    expect((await t.api('POST', '/oid4vci/credential', { body: credentialRequest(jwt) })).body).toMatchObject({ status: 401, error: 'invalid_token' });
    expect((await t.api('POST', '/oid4vci/credential', { token: 'vp_org_guess', body: credentialRequest(jwt) })).body).toMatchObject({ status: 401, error: 'invalid_token' });
    const { token } = await setUp();
    const unknown = await t.api('POST', '/oid4vci/credential', { token, body: { credential_configuration_id: 'DriverLicence', proofs: { jwt: [jwt] } } });
    expect(unknown.body).toMatchObject({ status: 400, error: 'unknown_credential_configuration' });
    const noProof = await t.api('POST', '/oid4vci/credential', { token, body: { credential_configuration_id: 'VolunteerActivityCredential' } });
    expect(noProof.body).toMatchObject({ status: 400, error: 'invalid_proof' });
    const broken = await t.api('POST', '/oid4vci/credential', { token, raw: '{"credential_configuration_id":', type: 'application/json' });
    expect(broken.body).toMatchObject({ status: 400, error: 'invalid_request' });
  });

  it('denies claims of a suspended organization', async () => {
    const suspended = await t.accredit('suspended-soon');
    const { offerUri } = await recordOne(t, suspended);
    const token = await accessTokenFor(t, offerUri);
    const suspend = await t.api('POST', '/v1/organizations/suspended-soon/suspend', { token: 'issuance-test-admin-token', body: { reason: 'audit pending' } });
    expect(suspend.status).toBe(200);
    const res = await t.api('POST', '/oid4vci/credential', { token, body: credentialRequest(await proofJwt(newHolder(), { aud: t.issuer.url, nonce: await freshNonce(t) })) });
    expect(res.body).toMatchObject({ status: 403, error: 'credential_request_denied' });
    expect((await call(t.issuer.url, 'GET', offerUrlOf(offerUri))).body).toMatchObject({ status: 403, code: 'forbidden' });
    const record = await t.api('POST', '/v1/activities', { token: suspended.apiKey, body: { volunteer: { name: 'X' }, activity: { name: { en: 'x' }, category: 'other', region: 'KZ-55', activityStartDate: '2026-01-01', activityEndDate: '2026-01-01', hours: 1 } } });
    expect(record.body).toMatchObject({ status: 403, code: 'forbidden' });
  });
});

describe('code expiry', () => {
  it('refuses a code past its lifetime', async () => {
    const short = await startIssuer({ PRE_AUTHORIZED_CODE_TTL_SECONDS: '1' });
    try {
      const o = await short.accredit('quick-org');
      const { offerUri } = await recordOne(short, o);
      const code = (await call(short.issuer.url, 'GET', offerUrlOf(offerUri))).body.grants[PRE_AUTH]['pre-authorized_code'];
      await new Promise((r) => setTimeout(r, 1_200));
      const res = await short.api('POST', '/oid4vci/token', form({ grant_type: PRE_AUTH, 'pre-authorized_code': code }));
      expect(res.body).toMatchObject({ status: 400, error: 'invalid_grant' });
      expect(res.body.error_description).toMatch(/expired/);
      // The offer itself still works: a new fetch gives a new code.
      const fresh = await claimByHand(short, offerUri, newHolder());
      expect(fresh.status).toBe(200);
    } finally {
      await short.issuer.stop();
    }
  }, 60_000);
});

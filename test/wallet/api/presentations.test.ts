import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type StartedService } from '../../helpers/services.ts';
import { call, Passport, type Organization, type Volunteer } from './setup.ts';

let passport: Passport;
let verifier: StartedService;
let eco: Organization;
let dana: Volunteer;
const ids: Record<string, string> = {};

const verifierApi = (method: string, path: string, body?: unknown) => call(verifier.url, method, path, body === undefined ? {} : { body });
const inspect = (requestUri: string) => passport.walletApi('POST', '/v1/presentations/requests', { token: dana.token, body: { requestUri } });
const respond = (requestUri: string, credentialIds: string[]) => passport.walletApi('POST', '/v1/presentations/respond', { token: dana.token, body: { requestUri, credentialIds } });

/** An unsigned request object as a redirect_uri: verifier makes it (contracts.md), passed by value. */
function requestByValue(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const jwt = `${part({ alg: 'none', typ: 'oauth-authz-req+jwt' })}.${part(claims)}.`;
  return `openid4vp://?client_id=${encodeURIComponent(String(claims.client_id))}&request=${jwt}`;
}

beforeAll(async () => {
  passport = await Passport.start();
  verifier = await startService('verifier', { env: { ISSUER_URL: passport.issuer.url, WALLET_URL: passport.wallet.url, VERIFIER_CACHE_SECONDS: '0' } });
  eco = await passport.accredit('eco-qyran');
  dana = await passport.volunteer('dana');
  for (const [key, overrides] of Object.entries({
    trees: { hours: 18.5 },
    school: { hours: 6, category: 'education' },
    old: { hours: 4, activityStartDate: '2023-05-01', activityEndDate: '2023-05-01' },
  })) {
    const recorded = await passport.record(eco, overrides);
    ids[key] = (await passport.claim(dana, recorded.offerUri)).body.id;
  }
});
afterAll(async () => {
  await Promise.all([passport?.stop(), verifier?.stop()]);
});

describe("answering a verifier's request (OpenID4VP 1.0, direct_post, against the real verifier)", () => {
  it('shows who asks, what for, the policy, and the credentials that fit', async () => {
    const request = await verifierApi('POST', '/v1/requests', { purpose: { kk: 'Грантқа өтінім', ru: 'Заявка на грант', en: 'Grant application' }, minHours: 10, categories: ['ecology'], since: '2024-01-01' });
    expect(request.status, request.text).toBe(201);
    const res = await inspect(request.body.requestUri);
    expect(res.status, res.text).toBe(200);
    expect(res.body.clientId).toBe(`redirect_uri:${verifier.url}/oid4vp/responses/${request.body.id}`);
    expect(res.body.responseUri).toBe(`${verifier.url}/oid4vp/responses/${request.body.id}`);
    expect(res.body.purpose).toMatchObject({ kk: 'Грантқа өтінім', en: 'Grant application' });
    expect(res.body.policy).toMatchObject({ minHours: 10, categories: ['ecology'], since: '2024-01-01' });
    expect(typeof res.body.clientName).toBe('string');
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(res.body.matchingCredentials.map((c: { id: string }) => c.id)).toEqual([ids.trees]);
  });

  it('sends a presentation bound to the nonce and audience, which the verifier accepts, once', async () => {
    const request = await verifierApi('POST', '/v1/requests', { minHours: 20 });
    expect((await inspect(request.body.requestUri)).body.matchingCredentials).toHaveLength(3);
    const res = await respond(request.body.requestUri, [ids.trees!, ids.school!]);
    expect(res.status, res.text).toBe(200);
    expect(res.body.verifierStatus).toBe(200);
    const read = () => call(verifier.url, 'GET', `/v1/requests/${request.body.id}`, { token: request.body.readToken });
    let outcome = await read();
    for (let i = 0; i < 50 && outcome.body.status === 'pending'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      outcome = await read();
    }
    expect(outcome.body.status, outcome.text).toBe('verified');
    expect(outcome.body.result.totals).toMatchObject({ hours: 24.5, credentials: 2 });
    const again = await respond(request.body.requestUri, [ids.trees!]);
    // Single use: the verifier either no longer serves the request (410) or refuses a second answer (409).
    expect(['gone', 'conflict']).toContain(again.body.code);
  });

  it('tells the volunteer when the verifier does not accept the answer', async () => {
    const request = await verifierApi('POST', '/v1/requests', {});
    await inspect(request.body.requestUri);
    const res = await respond(request.body.requestUri, ['urn:uuid:not-mine']);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'not_found', field: 'credentialIds.0' });
  });

  it('refuses a request whose response_uri is not the one its client_id names', async () => {
    const base = {
      aud: 'https://self-issued.me/v2',
      response_type: 'vp_token',
      response_mode: 'direct_post',
      nonce: 'n-0S6_WzA2Mj',
      state: 'abc',
      exp: Math.floor(Date.now() / 1000) + 300,
      dcql_query: { credentials: [{ id: 'volunteer_activity', format: 'jwt_vc_json', meta: { type_values: [['VerifiableCredential', 'VolunteerActivityCredential']] } }] },
      client_metadata: { client_name: 'Mallory' },
    };
    const elsewhere = await inspect(requestByValue({ ...base, client_id: `redirect_uri:${verifier.url}/oid4vp/responses/x`, response_uri: 'https://mallory.example/collect' }));
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body).toMatchObject({ code: 'unprocessable', field: 'requestUri' });
    expect(elsewhere.body.detail).toContain('response_uri');
    const fragment = await inspect(requestByValue({ ...base, client_id: 'redirect_uri:https://mallory.example/collect', response_uri: 'https://mallory.example/collect', response_mode: 'fragment' }));
    expect(fragment.status).toBe(422);
    expect(fragment.body.detail).toContain('direct_post');
    const expired = await inspect(requestByValue({ ...base, client_id: 'redirect_uri:https://mallory.example/collect', response_uri: 'https://mallory.example/collect', exp: Math.floor(Date.now() / 1000) - 5 }));
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('gone');
  });

  it('refuses links that are not OpenID4VP requests', async () => {
    const res = await inspect('https://example.kz/');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request', field: 'requestUri' });
  });
});

describe('share links at the real verifier', () => {
  it('verifies a share link end to end', async () => {
    const share = await passport.walletApi('POST', '/v1/shares', { token: dana.token, body: { credentialIds: [ids.trees, ids.old], expiresInDays: 7 } });
    expect(share.status).toBe(201);
    const res = await verifierApi('POST', '/v1/verify', { url: share.body.url });
    expect(res.status, res.text).toBe(200);
    expect(res.body.verified, JSON.stringify(res.body.checks)).toBe(true);
    expect(res.body.kind).toMatch(/presentation/i);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holder, IssuerFixture, presentation, type FixtureSigner } from '../../helpers/issuer-fixture.ts';
import { startService, type StartedService } from '../../helpers/services.ts';
import { check, expectAllValid, expectOnlyRed, postJson, type Result } from '../helpers.ts';

interface Created {
  id: string;
  requestUri: string;
  qrUrl: string;
  expiresAt: string;
  readToken: string;
}

/** What a wallet does with a request URI (contracts.md): fetch the request object and read its claims. */
async function readRequest(requestUri: string): Promise<{ header: Record<string, unknown>; claims: Record<string, any>; raw: string }> {
  const uri = new URL(requestUri);
  const res = await fetch(uri.searchParams.get('request_uri')!);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/oauth-authz-req\+jwt/);
  const raw = await res.text();
  const [h, p, s] = raw.split('.');
  expect(s).toBe('');
  return { header: JSON.parse(Buffer.from(h!, 'base64url').toString()), claims: JSON.parse(Buffer.from(p!, 'base64url').toString()), raw };
}

async function answer(responseUri: string, state: string, vpToken: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(responseUri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state, vp_token: typeof vpToken === 'string' ? vpToken : JSON.stringify(vpToken) }).toString(),
  });
  return { status: res.status, body: await res.json() };
}

describe('OpenID4VP requests (direct_post)', () => {
  let fixture: IssuerFixture;
  let verifier: StartedService;
  let volunteer: FixtureSigner;
  let credentials: string[];

  const create = async (body: unknown = {}): Promise<Created> => {
    const res = await postJson(`${verifier.url}/v1/requests`, body);
    expect(res.status).toBe(201);
    return res.body as Created;
  };
  const status = async (created: Created): Promise<{ status: string; result?: Result }> =>
    (await fetch(`${verifier.url}/v1/requests/${created.id}`, { headers: { authorization: `Bearer ${created.readToken}` } })).json() as Promise<{ status: string; result?: Result }>;
  /** Answers a request as the volunteer's wallet would, with `credentials` unless told otherwise. */
  const respond = async (created: Created, options: { by?: FixtureSigner; nonce?: string; aud?: string; jwts?: string[] } = {}) => {
    const { claims } = await readRequest(created.requestUri);
    const vp = await presentation(options.by ?? volunteer, options.jwts ?? credentials, { nonce: options.nonce ?? claims.nonce, aud: options.aud ?? claims.client_id });
    return { vp, claims, res: await answer(claims.response_uri, claims.state, { volunteer_activity: [vp] }) };
  };

  beforeAll(async () => {
    fixture = await IssuerFixture.start();
    fixture.addOrganization('eco-qyran');
    volunteer = holder();
    credentials = [
      await fixture.issue('eco-qyran', { holderDid: volunteer.did, holderName: 'Dana Example', activity: { hours: 10, activityStartDate: '2025-03-01', activityEndDate: '2025-03-02' } }),
      await fixture.issue('eco-qyran', { holderDid: volunteer.did, holderName: 'Dana Example', activity: { category: 'education', hours: 6, activityStartDate: '2026-02-01', activityEndDate: '2026-02-01' } }),
    ];
    verifier = await startService('verifier', {
      env: { REGISTRY_DID: fixture.registry.did, TRUST_LIST_URL: fixture.trustListUrl, VERIFIER_REQUEST_SECONDS: '600' },
    });
  });
  afterAll(async () => {
    await verifier?.stop();
    await fixture?.stop();
  });

  it('creates a request whose URI and request object follow the contract', async () => {
    const created = await create({ purpose: { en: 'Internship', ru: 'Стажировка' }, minHours: 10, categories: ['ecology'], since: '2025-01-01' });
    const responseUri = `${verifier.url}/oid4vp/responses/${created.id}`;
    expect(created.requestUri).toBe(
      `openid4vp://?client_id=${encodeURIComponent(`redirect_uri:${responseUri}`)}&request_uri=${encodeURIComponent(`${verifier.url}/oid4vp/requests/${created.id}`)}`,
    );
    expect(created.qrUrl).toBe(`${verifier.url}/v1/requests/${created.id}/qr.png`);
    expect(Date.parse(created.expiresAt) - Date.now()).toBeGreaterThan(590_000);
    const { header, claims } = await readRequest(created.requestUri);
    expect(header).toEqual({ alg: 'none', typ: 'oauth-authz-req+jwt' });
    expect(claims).toMatchObject({
      aud: 'https://self-issued.me/v2',
      response_type: 'vp_token',
      response_mode: 'direct_post',
      client_id: `redirect_uri:${responseUri}`,
      response_uri: responseUri,
      state: created.id,
      dcql_query: { credentials: [{ id: 'volunteer_activity', format: 'jwt_vc_json', multiple: true, meta: { type_values: [['VerifiableCredential', 'VolunteerActivityCredential']] } }] },
      client_metadata: { vp_formats_supported: { jwt_vc_json: { alg_values: ['EdDSA', 'ES256'] } } },
      purpose: { en: 'Internship', ru: 'Стажировка' },
      policy: { minHours: 10, categories: ['ecology'], since: '2025-01-01' },
    });
    expect(claims.nonce.length).toBeGreaterThanOrEqual(32);
    expect(claims.exp - claims.iat).toBe(600);
    const qr = await fetch(created.qrUrl);
    expect(qr.headers.get('content-type')).toBe('image/png');
    expect((await status(created)).status).toBe('pending');
    const other = await readRequest((await create()).requestUri);
    expect(other.claims.nonce).not.toBe(claims.nonce);
  });

  it('refuses a malformed request naming the field', async () => {
    for (const [body, field] of [
      [{ minHours: -1 }, 'minHours'],
      [{ minHours: 'ten' }, 'minHours'],
      [{ categories: ['knitting'] }, 'categories.0'],
      [{ since: '2025-02-30' }, 'since'],
      [{ purpose: '' }, 'purpose'],
      [{ colour: 'red' }, 'colour'],
    ] as const) {
      const res = await postJson(`${verifier.url}/v1/requests`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('invalid_request');
      expect(res.body.field).toBe(field);
    }
  });

  it('verifies an answer with all checks, meets the policy, and refuses a second answer', async () => {
    const created = await create({ minHours: 10, categories: ['ecology'], since: '2025-01-01' });
    const { vp, claims, res } = await respond(created);
    expect(res).toEqual({ status: 200, body: {} });
    const after = await status(created);
    expect(after.status).toBe('verified');
    expectAllValid(after.result!);
    expect(check(after.result!, 'challenge').outcome).toBe('passed');
    expect(check(after.result!, 'policy').outcome).toBe('passed');
    expect(after.result!.totals.hours).toBe(16);
    const again = await answer(claims.response_uri, claims.state, { volunteer_activity: [vp] });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('invalid_request');
    expect(again.body.code).toBe('conflict');
    expect((await status(created)).status).toBe('verified');
    const object = await fetch(`${verifier.url}/oid4vp/requests/${created.id}`);
    expect(object.status).toBe(410);
  });

  it('a policy that is not met turns only the policy red', async () => {
    const created = await create({ minHours: 12, categories: ['ecology'] });
    await respond(created);
    const after = await status(created);
    expect(after.status).toBe('failed');
    expectOnlyRed(after.result!, 'policy', 'policy_not_met');
  });

  it('counts only activities since the asked date', async () => {
    const created = await create({ minHours: 7, since: '2026-01-01' });
    await respond(created);
    expectOnlyRed((await status(created)).result!, 'policy', 'policy_not_met');
  });

  it('a wrong nonce turns only the challenge red', async () => {
    const created = await create();
    const { res } = await respond(created, { nonce: 'not-the-nonce' });
    expect(res.status).toBe(200);
    const after = await status(created);
    expect(after.status).toBe('failed');
    expectOnlyRed(after.result!, 'challenge', 'nonce_mismatch');
  });

  it('a presentation replayed from another request turns only the challenge red', async () => {
    const first = await create();
    const { vp } = await respond(first);
    expect((await status(first)).status).toBe('verified');
    const second = await create();
    const { claims } = await readRequest(second.requestUri);
    const res = await answer(claims.response_uri, claims.state, { volunteer_activity: [vp] });
    expect(res.status).toBe(200);
    const after = await status(second);
    expect(after.status).toBe('failed');
    expectOnlyRed(after.result!, 'challenge', 'nonce_mismatch');
  });

  it('a presentation addressed to another verifier turns only the challenge red', async () => {
    const created = await create();
    await respond(created, { aud: 'redirect_uri:https://elsewhere.example/cb' });
    expectOnlyRed((await status(created)).result!, 'challenge', 'audience_mismatch');
  });

  it('an answer by someone who is not the subject turns only holder binding red', async () => {
    const created = await create();
    await respond(created, { by: holder() });
    expectOnlyRed((await status(created)).result!, 'holder_binding', 'holder_not_subject');
  });

  it('a malformed answer is invalid_request and leaves the request open', async () => {
    const created = await create();
    const { claims } = await readRequest(created.requestUri);
    for (const [state, token] of [
      [claims.state, 'not json'],
      [claims.state, { other: ['x'] }],
      [claims.state, { volunteer_activity: ['not-a-jwt'] }],
      ['another-state', { volunteer_activity: ['a.b.c'] }],
    ] as const) {
      const res = await answer(claims.response_uri, state, token);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid_request');
    }
    expect((await status(created)).status).toBe('pending');
    const { res } = await respond(created);
    expect(res.status).toBe(200);
  });

  it('an unknown request is 404', async () => {
    expect((await fetch(`${verifier.url}/v1/requests/nope`, { headers: { authorization: 'Bearer vp_read_anything' } })).status).toBe(404);
    expect((await fetch(`${verifier.url}/v1/requests/nope`)).status).toBe(401);
    const vp = await presentation(volunteer, credentials, { nonce: 'n', aud: 'a' });
    const res = await answer(`${verifier.url}/oid4vp/responses/nope`, 'nope', { volunteer_activity: [vp] });
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('invalid_request');
  });
});

describe('an expired request', () => {
  it('reads as expired and refuses answers', async () => {
    const fixture = await IssuerFixture.start();
    fixture.addOrganization('eco-qyran');
    const verifier = await startService('verifier', { env: { REGISTRY_DID: fixture.registry.did, TRUST_LIST_URL: fixture.trustListUrl, VERIFIER_REQUEST_SECONDS: '1' } });
    try {
      const volunteer = holder();
      const created = (await postJson(`${verifier.url}/v1/requests`, {})).body as Created;
      const { claims } = await readRequest(created.requestUri);
      await new Promise((r) => setTimeout(r, 1200));
      expect((await (await fetch(`${verifier.url}/v1/requests/${created.id}`, { headers: { authorization: `Bearer ${created.readToken}` } })).json()).status).toBe('expired');
      expect((await fetch(`${verifier.url}/oid4vp/requests/${created.id}`)).status).toBe(410);
      const vp = await presentation(volunteer, [await fixture.issue('eco-qyran', { holderDid: volunteer.did })], { nonce: claims.nonce, aud: claims.client_id });
      const res = await answer(claims.response_uri, claims.state, { volunteer_activity: [vp] });
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(/expired/);
    } finally {
      await verifier.stop();
      await fixture.stop();
    }
  });
});

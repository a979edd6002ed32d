import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type StartedService } from '../../helpers/services.ts';
import { PAVLODAR_NAME, call } from './http.ts';

const ADMIN = 'registry-admin-token-accreditation';
let issuer: StartedService;
const api = (method: string, path: string, options?: Parameters<typeof call>[3]) => call(issuer.url, method, path, options);
const keys: Record<string, string> = {};

beforeAll(async () => {
  issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: ADMIN, PASSPORT_SECRET: 'accreditation-test-secret-0123456789' } });
});
afterAll(() => issuer?.stop());

describe('front offices', () => {
  it('the registry opens a front office and gets its API key once', async () => {
    const res = await api('POST', '/v1/front-offices', { token: ADMIN, body: { id: 'pavlodar', name: PAVLODAR_NAME, region: 'KZ-55' } });
    expect(res.status).toBe(201);
    expect(res.body.id).toBe('pavlodar');
    expect(res.body.apiKey).toMatch(/^vp_fo_[A-Za-z0-9_-]{43}$/);
    keys.pavlodar = res.body.apiKey;
    const almaty = await api('POST', '/v1/front-offices', { token: ADMIN, body: { id: 'almaty-city', name: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' }, region: 'KZ-75' } });
    expect(almaty.status).toBe(201);
    keys.almaty = almaty.body.apiKey;
  });

  it('allows one front office per region and one per id', async () => {
    const sameRegion = await api('POST', '/v1/front-offices', { token: ADMIN, body: { id: 'pavlodar-2', name: PAVLODAR_NAME, region: 'KZ-55' } });
    expect(sameRegion.status).toBe(409);
    expect(sameRegion.body).toMatchObject({ code: 'conflict', field: 'region' });
    const sameId = await api('POST', '/v1/front-offices', { token: ADMIN, body: { id: 'pavlodar', name: PAVLODAR_NAME, region: 'KZ-10' } });
    expect(sameId.body).toMatchObject({ status: 409, code: 'conflict', field: 'id' });
  });

  it('is for the registry only', async () => {
    const body = { id: 'abai', name: PAVLODAR_NAME, region: 'KZ-10' };
    expect((await api('POST', '/v1/front-offices', { body })).body).toMatchObject({ status: 401, code: 'unauthorized' });
    expect((await api('POST', '/v1/front-offices', { token: 'not-a-key', body })).body).toMatchObject({ status: 401, code: 'unauthorized' });
    expect((await api('POST', '/v1/front-offices', { token: keys.pavlodar, body })).body).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('names the field of a bad body', async () => {
    const cases: [unknown, string][] = [
      [{ id: 'abai', name: { kk: 'Абай', ru: 'Абай' }, region: 'KZ-10' }, 'name.en'],
      [{ id: 'abai', name: PAVLODAR_NAME, region: 'KZ-99' }, 'region'],
      [{ id: 'Abai Office', name: PAVLODAR_NAME, region: 'KZ-10' }, 'id'],
      [{ name: PAVLODAR_NAME, region: 'KZ-10' }, 'id'],
    ];
    for (const [body, field] of cases) {
      const res = await api('POST', '/v1/front-offices', { token: ADMIN, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid_request', field });
      expect(res.body.detail).toContain(field);
    }
  });
});

describe('accreditation', () => {
  it('the registry accredits anywhere, with a did:web and an API key', async () => {
    const res = await api('POST', '/v1/organizations', {
      token: ADMIN,
      body: { id: 'eco-qyran', name: { kk: 'Эко Қыран', ru: 'Эко Кыран' }, region: 'KZ-55', bin: '123456789013' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 'eco-qyran', did: `did:web:localhost%3A${issuer.port}:orgs:eco-qyran`, apiKey: expect.stringMatching(/^vp_org_/), apiKeyId: expect.stringMatching(/^key_[0-9a-f]{20}$/), status: 'accredited' });
    keys['eco-qyran'] = res.body.apiKey;
  });

  it('a front office accredits in its own region and nowhere else', async () => {
    const own = await api('POST', '/v1/organizations', { token: keys.pavlodar, body: { id: 'bilim-pavlodar', name: { en: 'Bilim volunteers' }, region: 'KZ-55' } });
    expect(own.status).toBe(201);
    keys['bilim-pavlodar'] = own.body.apiKey;
    const elsewhere = await api('POST', '/v1/organizations', { token: keys.pavlodar, body: { id: 'astana-help', name: { en: 'Astana help' }, region: 'KZ-71' } });
    expect(elsewhere.body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await api('GET', '/v1/organizations/astana-help')).status).toBe(404);
  });

  it("an organization's key cannot accredit; no key or a wrong one is 401", async () => {
    const body = { id: 'own-child', name: { en: 'Child' }, region: 'KZ-55' };
    expect((await api('POST', '/v1/organizations', { token: keys['eco-qyran'], body })).body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await api('POST', '/v1/organizations', { body })).body).toMatchObject({ status: 401, code: 'unauthorized' });
    expect((await api('POST', '/v1/organizations', { token: `${keys['eco-qyran']}x`, body })).body).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('refuses a duplicate id, also when two requests race', async () => {
    const again = await api('POST', '/v1/organizations', { token: ADMIN, body: { id: 'eco-qyran', name: { en: 'Again' }, region: 'KZ-55' } });
    expect(again.body).toMatchObject({ status: 409, code: 'conflict', field: 'id' });
    const body = { id: 'twin-race', name: { en: 'Twins' }, region: 'KZ-55' };
    const results = await Promise.all([api('POST', '/v1/organizations', { token: ADMIN, body }), api('POST', '/v1/organizations', { token: keys.pavlodar, body })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await api('GET', '/v1/organizations/twin-race')).body.accreditations).toHaveLength(1);
  });

  it('names the field of a bad body and writes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ id: 'bad-bin', name: { en: 'X' }, region: 'KZ-55', bin: '12345' }, 'bin'],
      [{ id: 'bad-bin', name: { en: 'X' }, region: 'KZ-55', bin: '123456789012' }, 'bin'],
      [{ id: 'bad-name', name: {}, region: 'KZ-55' }, 'name'],
      [{ id: 'bad-name', name: { de: 'X' }, region: 'KZ-55' }, 'name'],
      [{ id: 'bad-region', name: { en: 'X' }, region: 'Pavlodar' }, 'region'],
      [{ id: 'UPPER', name: { en: 'X' }, region: 'KZ-55' }, 'id'],
      [{ id: 'extra', name: { en: 'X' }, region: 'KZ-55', colour: 'green' }, ''],
    ];
    for (const [body, field] of cases) {
      const res = await api('POST', '/v1/organizations', { token: ADMIN, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('invalid_request');
      if (field) expect(res.body.field).toBe(field);
      else expect(res.body.detail).toContain('colour');
    }
    const notJson = await api('POST', '/v1/organizations', { token: ADMIN, raw: '{"id": "broken', type: 'application/json' });
    expect(notJson.body).toMatchObject({ status: 400, code: 'invalid_request' });
    const listing = await api('GET', '/v1/organizations');
    expect(listing.body.organizations.map((o: { id: string }) => o.id)).not.toContain('bad-bin');
  });
});

describe('suspension and reinstatement', () => {
  it('keeps the history as intervals and refuses the same change twice', async () => {
    const suspended = await api('POST', '/v1/organizations/eco-qyran/suspend', { token: ADMIN, body: { reason: 'Reports overdue' } });
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
    expect(suspended.body.accreditations).toHaveLength(1);
    const [first] = suspended.body.accreditations;
    expect(Date.parse(first.until)).toBeGreaterThan(Date.parse(first.from));

    const twice = await api('POST', '/v1/organizations/eco-qyran/suspend', { token: ADMIN, body: { reason: 'Again' } });
    expect(twice.body).toMatchObject({ status: 409, code: 'conflict' });

    const reinstated = await api('POST', '/v1/organizations/eco-qyran/reinstate', { token: keys.pavlodar, body: { reason: 'Reports filed' } });
    expect(reinstated.status).toBe(200);
    expect(reinstated.body.status).toBe('accredited');
    expect(reinstated.body.accreditations).toEqual([first, { from: expect.any(String), until: null }]);
    expect(Date.parse(reinstated.body.accreditations[1].from)).toBeGreaterThanOrEqual(Date.parse(first.until));

    const again = await api('POST', '/v1/organizations/eco-qyran/reinstate', { token: ADMIN });
    expect(again.body).toMatchObject({ status: 409, code: 'conflict' });
  });

  it('needs the same authority as accreditation', async () => {
    const reason = { reason: 'Test' };
    expect((await api('POST', '/v1/organizations/eco-qyran/suspend', { token: keys.almaty, body: reason })).body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await api('POST', '/v1/organizations/eco-qyran/suspend', { token: keys['bilim-pavlodar'], body: reason })).body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await api('POST', '/v1/organizations/eco-qyran/suspend', { body: reason })).body).toMatchObject({ status: 401, code: 'unauthorized' });
    expect((await api('POST', '/v1/organizations/no-such-org/suspend', { token: ADMIN, body: reason })).body).toMatchObject({ status: 404, code: 'not_found' });
    expect((await api('GET', '/v1/organizations/eco-qyran')).body.status).toBe('accredited');
  });

  it('a suspension needs a reason', async () => {
    const res = await api('POST', '/v1/organizations/bilim-pavlodar/suspend', { token: ADMIN, body: { reason: '  ' } });
    expect(res.body).toMatchObject({ status: 400, code: 'invalid_request', field: 'reason' });
    const none = await api('POST', '/v1/organizations/bilim-pavlodar/suspend', { token: ADMIN, body: {} });
    expect(none.body).toMatchObject({ status: 400, code: 'invalid_request', field: 'reason' });
  });
});

describe('public profiles', () => {
  it('anyone reads a profile with its accreditation history', async () => {
    const res = await api('GET', '/v1/organizations/eco-qyran');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: 'eco-qyran',
      did: `did:web:localhost%3A${issuer.port}:orgs:eco-qyran`,
      name: { kk: 'Эко Қыран', ru: 'Эко Кыран' },
      region: 'KZ-55',
      bin: '123456789013',
      status: 'accredited',
      accreditations: [
        { from: expect.any(String), until: expect.any(String) },
        { from: expect.any(String), until: null },
      ],
    });
    expect((await api('GET', '/v1/organizations/nobody')).body).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('lists by region, in pages', async () => {
    const pavlodar = await api('GET', '/v1/organizations?region=KZ-55');
    expect(pavlodar.body.organizations.map((o: { id: string }) => o.id)).toEqual(['bilim-pavlodar', 'eco-qyran', 'twin-race']);
    expect(pavlodar.body.nextCursor).toBeUndefined();
    const first = await api('GET', '/v1/organizations?region=KZ-55&limit=2');
    expect(first.body.organizations).toHaveLength(2);
    expect(first.body.nextCursor).toBe('eco-qyran');
    const second = await api('GET', `/v1/organizations?region=KZ-55&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.organizations.map((o: { id: string }) => o.id)).toEqual(['twin-race']);
    expect((await api('GET', '/v1/organizations?region=KZ-71')).body.organizations).toEqual([]);
    expect((await api('GET', '/v1/organizations?region=nowhere')).body).toMatchObject({ status: 400, field: 'region' });
    expect((await api('GET', '/v1/organizations?limit=0')).body).toMatchObject({ status: 400, field: 'limit' });
  });
});

describe('the service around the registry', () => {
  it('refuses a body over 1 MiB with 413 problem details', async () => {
    const big = JSON.stringify({ id: 'big', name: { en: 'x'.repeat(1_100_000) }, region: 'KZ-55' });
    const res = await api('POST', '/v1/organizations', { token: ADMIN, raw: big });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 413, detail: expect.any(String), code: 'payload_too_large' });
  });

  it('answers errors as RFC 9457 problem details', async () => {
    const res = await api('POST', '/v1/organizations', { token: ADMIN, body: { id: 'x', region: 'KZ-55' } });
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Object.keys(res.body).sort()).toEqual(['code', 'detail', 'field', 'instance', 'status', 'title', 'type']);
    expect(res.body).toMatchObject({ status: 400, code: 'invalid_request', field: 'name', title: 'Invalid request' });
  });

  it('serves the JSON-LD context and the JSON Schema', async () => {
    const context = await fetch(`${issuer.url}/contexts/volunteer/v1`);
    expect(context.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const doc = (await context.json()) as { '@context': Record<string, unknown> };
    expect(doc['@context'].VolunteerActivityCredential).toBeDefined();
    const schema = await fetch(`${issuer.url}/schemas/volunteer-activity/v1.json`);
    expect(schema.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    const body = (await schema.json()) as { $id: string; title: string };
    expect(body.$id).toBe(`${issuer.url}/schemas/volunteer-activity/v1.json`);
    expect(body.title).toBe('VolunteerActivityCredential');
  });

  it('lists the registry routes in openapi.json', async () => {
    const doc = (await (await fetch(`${issuer.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const expected: [string, string][] = [
      ['/.well-known/did.json', 'get'],
      ['/orgs/{id}/did.json', 'get'],
      ['/v1/front-offices', 'post'],
      ['/v1/organizations', 'post'],
      ['/v1/organizations', 'get'],
      ['/v1/organizations/{id}', 'get'],
      ['/v1/organizations/{id}/suspend', 'post'],
      ['/v1/organizations/{id}/reinstate', 'post'],
      ['/v1/organizations/{id}/keys/rotate', 'post'],
      ['/v1/organizations/{id}/keys/{keyId}/revoke', 'post'],
      ['/v1/trust-list', 'get'],
      ['/contexts/volunteer/v1', 'get'],
      ['/schemas/volunteer-activity/v1.json', 'get'],
    ];
    for (const [path, method] of expected) expect(doc.paths[path]?.[method]?.responses, `${method} ${path}`).toBeDefined();
    expect(doc.paths['/v1/organizations']!.post!.responses['409']).toBeDefined();
  });

  it('never logs the API keys it handed out', () => {
    const log = issuer.output();
    expect(Object.keys(keys).length).toBeGreaterThan(3);
    for (const key of Object.values(keys)) expect(log).not.toContain(key);
    expect(log).not.toContain(ADMIN);
  });
});

import { sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleActivity } from '../helpers/activity.ts';
import { holder } from '../helpers/issuer-fixture.ts';
import type { StartedService } from '../helpers/services.ts';
import { api, expectProblem, startPassport, type Passport } from './passport.ts';

// Bad input from outside answers 4xx problem details, never 500 (issue 8, "No 500 for bad input,
// anywhere"). Each test is one reproduction that answered 500 before it was fixed at its root.
describe('bad input never answers 500', () => {
  let p: Passport;
  beforeAll(async () => {
    p = await startPassport();
  });
  afterAll(() => p?.stop());

  /** Every GET route of a service's OpenAPI document, every secured route, and its pages; path parameters filled in. */
  async function routesOf(service: StartedService, pages: string[]): Promise<{ method: string; path: string }[]> {
    const doc = (await api(service, 'GET', '/openapi.json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const routes = pages.map((path) => ({ method: 'GET', path }));
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (method === 'get' || operation.security) routes.push({ method: method.toUpperCase(), path: template.replace(/\{[^}]+\}/g, 'x') });
      }
    }
    return routes;
  }

  it.each([
    ['lang=%', 'lang=%'],
    ['passport_session=%zz', 'passport_session=%zz'],
  ])('a %s cookie on every page and authenticated route of the three services', async (_name, cookie) => {
    const services: [StartedService, string[]][] = [
      [p.issuer, ['/dashboard']],
      [p.wallet, ['/', '/claim', '/share', '/respond']],
      [p.verifier, ['/', '/verify?presentation=x', '/requests/new']],
    ];
    let tried = 0;
    for (const [service, pages] of services) {
      for (const { method, path } of await routesOf(service, pages)) {
        const res = await api(service, method, path, { headers: { cookie }, ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }) });
        expect(res.status, `${service.name} ${method} ${path}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
        if (res.status >= 400 && !res.headers.get('content-type')?.startsWith('text/html')) expectProblem(res);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(40);
  });

  it('POST /v1/verify with content-type text/plain', async () => {
    expectProblem(await api(p.verifier, 'POST', '/v1/verify', { raw: '{"jwt":"a.b.c"}', type: 'text/plain' }), 400, 'invalid_request');
  });

  it('a credential whose activity is nested 20,000 deep, given to the verifier and to the wallet', async () => {
    const jwt = credentialNested(20_000);
    expectProblem(await api(p.verifier, 'POST', '/v1/verify', { body: { jwt } }), 400, 'invalid_request');
    expectProblem(await api(p.verifier, 'POST', '/credentials/verify', { body: { verifiableCredential: jwt } }), 400, 'invalid_request');
    const imported = await api(p.wallet, 'POST', '/v1/import', { token: p.session, body: [jwt] });
    expect(imported.status, imported.text.slice(0, 200)).toBe(200);
    expect(imported.body).toMatchObject({ imported: 0, results: [{ imported: false }] });
    expect(imported.body.results[0].reason).toMatch(/nests/);
  });

  it('a JSON body nested 50,000 deep, on a route of each service', async () => {
    const deep = '{"a":'.repeat(50_000) + '{}' + '}'.repeat(50_000);
    const credential = `{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"id":"did:example:1","a":${deep}}}`;
    expectProblem(await api(p.issuer, 'POST', '/credentials/issue', { token: p.orgKey, raw: `{"credential":${credential}}` }), 400, 'invalid_request');
    expectProblem(await api(p.issuer, 'POST', '/v1/activities', { token: p.orgKey, raw: `{"activity":${deep}}` }), 400, 'invalid_request');
    expectProblem(await api(p.verifier, 'POST', '/v1/verify', { raw: `{"jwt":${deep}}` }), 400, 'invalid_request');
    expectProblem(await api(p.wallet, 'POST', '/v1/accounts', { raw: `{"login":${deep}}` }), 400, 'invalid_request');
  });

  it('an enveloped credential whose data: URL is not valid percent-encoding (data:application/vc+jwt,%E0%A4%A)', async () => {
    const res = await api(p.verifier, 'POST', '/credentials/verify', {
      body: { verifiableCredential: { '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,%E0%A4%A' } },
    });
    expectProblem(res, 400, 'invalid_request');
  });

  it('GET /assets/constructor and other prototype keys on the verifier and the wallet', async () => {
    for (const service of [p.verifier, p.wallet]) {
      for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
        expectProblem(await api(service, 'GET', `/assets/${key}`), 404, 'not_found');
      }
    }
  });

  it('a path parameter with malformed percent-encoding', async () => {
    expectProblem(await api(p.verifier, 'GET', '/v1/requests/%E0%A4%A'), 400);
    expectProblem(await api(p.wallet, 'GET', '/p/%zz'), 400);
    expectProblem(await api(p.issuer, 'GET', '/v1/organizations/%E0%A4%A'), 400);
  });

  it('an activity from 0001-01-01 to 2025-01-01 with 17,000,000 hours is refused', async () => {
    const res = await api(p.issuer, 'POST', '/v1/activities', {
      token: p.orgKey,
      body: { volunteer: { name: 'Дана' }, activity: sampleActivity({ activityStartDate: '0001-01-01', activityEndDate: '2025-01-01', hours: 17_000_000 }) },
    });
    expectProblem(res, 400, 'invalid_request');
    expect(res.body.field).toBe('activity.activityStartDate');
  });

  it('an activity of one day with 25 hours, or ending more than a day from now, is refused', async () => {
    const tooLong = await api(p.issuer, 'POST', '/v1/activities', {
      token: p.orgKey,
      body: { volunteer: { name: 'Дана' }, activity: sampleActivity({ activityStartDate: '2025-03-01', activityEndDate: '2025-03-01', hours: 25 }) },
    });
    expectProblem(tooLong, 400, 'invalid_request');
    expect(tooLong.body.field).toBe('activity.hours');
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const later = await api(p.issuer, 'POST', '/v1/activities', {
      token: p.orgKey,
      body: { volunteer: { name: 'Дана' }, activity: sampleActivity({ activityStartDate: '2025-03-01', activityEndDate: future }) },
    });
    expectProblem(later, 400, 'invalid_request');
    expect(later.body.field).toBe('activity.activityEndDate');
  });
});

/**
 * A VC-JWT signed by a did:key whose activity nests `depth` objects deep. Written as text: the
 * point is that `JSON.stringify` of such a value overflows the stack.
 */
function credentialNested(depth: number): string {
  const signer = holder();
  const now = Math.floor(Date.now() / 1000);
  const activity = '{"a":'.repeat(depth) + '{}' + '}'.repeat(depth);
  const payload =
    `{"iss":"${signer.did}","sub":"${signer.did}","nbf":${now},"jti":"urn:uuid:00000000-0000-4000-8000-000000000001",` +
    `"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential","VolunteerActivityCredential"],` +
    `"credentialSubject":{"activity":${activity}}}}`;
  const b64 = (text: string) => Buffer.from(text).toString('base64url');
  const input = `${b64(JSON.stringify({ alg: 'EdDSA', kid: signer.kid, typ: 'JWT' }))}.${b64(payload)}`;
  return `${input}.${sign(null, Buffer.from(input), signer.key).toString('base64url')}`;
}

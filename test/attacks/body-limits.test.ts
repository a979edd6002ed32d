import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleActivity } from '../helpers/activity.ts';
import { api, expectProblem, startPassport, type Passport } from './passport.ts';

const MiB = 1024 * 1024;

interface EarlyAnswer {
  status: number;
  body: any;
}

/**
 * Declares a body of `declared` bytes, sends only its first 64 KiB, and waits for the answer. A
 * server that answers has decided without reading the body; one that waits for the rest never
 * answers, and this rejects after 10 s.
 */
function answerBeforeBody(url: string, headers: Record<string, string>, declared: number): Promise<EarlyAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers, 'content-length': String(declared) } });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within 10 s with ${declared - 65_536} bytes of the body unsent: the server waits to read it`));
    }, 10_000);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
      });
    });
    req.on('error', () => undefined);
    req.write(`[${' '.repeat(65_535)}`);
  });
}

// Bodies are read only once the caller is rate-limited and authenticated, and only the batch route
// takes more than 1 MiB (issue 8: 10 MiB bodies were parsed before both).
describe('request bodies are read after authentication and the rate limit', () => {
  let p: Passport;
  beforeAll(async () => {
    p = await startPassport({ WRITE_RATE_LIMIT: '40' });
  });
  afterAll(() => p?.stop());

  it('an unauthenticated 5 MiB POST to the batch route is refused (401) before its body is sent', async () => {
    const answer = await answerBeforeBody(`${p.issuer.url}/v1/activities/batch`, {}, 5 * MiB);
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('unauthorized');
  });

  it('a 5 MiB POST to the batch route with a wrong API key is refused (401) before its body is sent', async () => {
    const answer = await answerBeforeBody(`${p.issuer.url}/v1/activities/batch`, { authorization: 'Bearer vp_org_not-a-key' }, 5 * MiB);
    expect(answer.status).toBe(401);
  });

  it('the batch route takes a body above 1 MiB from its organization', async () => {
    const padded = `[${JSON.stringify({ volunteer: { name: 'Дана' }, activity: sampleActivity() })}${' '.repeat(2 * MiB)}]`;
    const res = await api(p.issuer, 'POST', '/v1/activities/batch', { token: p.orgKey, raw: padded });
    expect(res.status, res.text.slice(0, 200)).toBe(200);
    expect(res.body).toMatchObject([{ row: 1, status: 'offered' }]);
  });

  it('a body above 1 MiB anywhere else is refused with 413, authenticated or not', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(MiB + 10) });
    expectProblem(await api(p.issuer, 'POST', '/v1/activities', { token: p.orgKey, raw: big }), 413, 'payload_too_large');
    expectProblem(await api(p.issuer, 'POST', '/credentials/issue', { token: p.orgKey, raw: big }), 413, 'payload_too_large');
    expectProblem(await api(p.wallet, 'POST', '/v1/import', { token: p.session, raw: big }), 413, 'payload_too_large');
    expectProblem(await api(p.wallet, 'POST', '/v1/accounts', { raw: big }), 413, 'payload_too_large');
    expectProblem(await api(p.verifier, 'POST', '/v1/verify', { raw: big }), 413, 'payload_too_large');
  });

  it('past the write rate limit, a 5 MiB POST is answered 429 before its body is sent', async () => {
    let status = 0;
    for (let i = 0; i < 60 && status !== 429; i++) status = (await api(p.issuer, 'POST', '/v1/activities', { raw: '{}' })).status;
    expect(status).toBe(429);
    const answer = await answerBeforeBody(`${p.issuer.url}/v1/activities/batch`, { authorization: `Bearer ${p.orgKey}` }, 5 * MiB);
    expect(answer.status).toBe(429);
    expect(answer.body.code).toBe('rate_limited');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Attacker } from '../../helpers/attacker.ts';
import { startService, type StartedService } from '../../helpers/services.ts';

/**
 * `POST /v1/verify` over real HTTP, for the bodies a client may send, on both of its paths (the
 * plain JSON request answered in front of Express, verifier/routes/verify-fast.ts; the rest by
 * the Express route): every way of sending JSON (and a form) reads the same, every body that is
 * not one JSON object or array is refused as problem details, the route answers alike with a
 * query string, and the write limit counts it.
 */
describe('POST /v1/verify bodies', () => {
  let verifier: StartedService;
  let attacker: Attacker;
  let jwt: string;

  beforeAll(async () => {
    attacker = await Attacker.start();
    verifier = await startService('verifier', { env: { WRITE_RATE_LIMIT: '1000' } });
    jwt = await attacker.credential(attacker.did, []);
  });
  afterAll(async () => {
    await verifier?.stop();
    await attacker?.stop();
  });

  const post = (path: string, body: BodyInit, type = 'application/json', extra: RequestInit = {}) =>
    fetch(`${verifier.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body, ...extra });

  /** Headers but the ones that differ between any two answers. */
  const stable = (res: Response) => Object.fromEntries(Array.from(res.headers as unknown as Iterable<[string, string]>).filter(([name]) => !['date', 'ratelimit', 'content-length'].includes(name)));

  it('answers alike with a query string: status, headers and verification log', async () => {
    const inFront = await post('/v1/verify', JSON.stringify({ jwt }));
    const routed = await post('/v1/verify?via=router', JSON.stringify({ jwt }));
    expect(inFront.status).toBe(200);
    expect(routed.status).toBe(200);
    expect(stable(inFront)).toEqual(stable(routed));
    expect(inFront.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(inFront.headers.get('x-content-type-options')).toBe('nosniff');
    expect(inFront.headers.get('ratelimit-policy')).toContain('q=1000');
    const [a, b] = [await inFront.json(), await routed.json()];
    expect(a.kind).toBe('credential');
    expect(a.checks.find((c: { id: string }) => c.id === 'signature').valid).toBe(true);
    expect({ ...a, verifiedAt: undefined }).toEqual({ ...b, verifiedAt: undefined });
  });

  it('reads JSON with a charset, a byte order mark, a +json type, chunked, or as a form the same way', async () => {
    const expected = await (await post('/v1/verify', JSON.stringify({ jwt }))).json();
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ jwt })));
        controller.close();
      },
    });
    const answers = [
      await post('/v1/verify', JSON.stringify({ jwt }), 'application/json; charset=utf-8'),
      await post('/v1/verify', `\uFEFF${JSON.stringify({ jwt })}`),
      await post('/v1/verify', JSON.stringify({ jwt }), 'application/vc+json'),
      await post('/v1/verify', chunked, 'application/json', { duplex: 'half' } as RequestInit),
      await post('/v1/verify', new URLSearchParams({ jwt }).toString(), 'application/x-www-form-urlencoded'),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const result = await answer.json();
      expect(result.checks).toEqual(expected.checks);
    }
  });

  it('refuses what is not one JSON object or array with problem details, never a 500', async () => {
    const cases: [BodyInit, string, number, string][] = [
      ['{"jwt": ', 'application/json', 400, 'invalid_request'],
      ['"a string"', 'application/json', 400, 'invalid_request'],
      ['   ', 'application/json', 400, 'invalid_request'],
      ['[]', 'application/json', 400, 'invalid_request'],
      [`${'['.repeat(40)}${']'.repeat(40)}`, 'application/json', 400, 'invalid_request'],
      [JSON.stringify({ jwt: 'x'.repeat(1_100_000) }), 'application/json', 413, 'payload_too_large'],
      [JSON.stringify({ jwt }), 'text/plain', 400, 'invalid_request'],
    ];
    for (const [body, type, status, code] of cases) {
      const res = await post('/v1/verify', body, type);
      expect(res.status, String(body).slice(0, 40)).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = await res.json();
      expect(problem.code).toBe(code);
      expect(problem.instance).toBe('/v1/verify');
    }
    // The service is still answering afterwards.
    expect((await post('/v1/verify', JSON.stringify({ jwt }))).status).toBe(200);
  });

  it('logs the request as the app does, on either path', async () => {
    const logged = await startService('verifier', { env: { LOG_LEVEL: 'info' } });
    try {
      for (const path of ['/v1/verify', '/v1/verify?via=router']) {
        const res = await fetch(`${logged.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jwt }) });
        expect(res.status).toBe(200);
      }
      const bad = await fetch(`${logged.url}/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jwt": ' });
      expect(bad.status).toBe(400);
      await new Promise((r) => setTimeout(r, 200));
      const lines = logged
        .output()
        .split('\n')
        .filter((l) => l.includes('"msg":"request"') && l.includes('/v1/verify'))
        .map((l) => JSON.parse(l) as { method: string; path: string; status: number });
      expect(lines.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
        { method: 'POST', path: '/v1/verify', status: 200 },
        { method: 'POST', path: '/v1/verify', status: 200 },
        { method: 'POST', path: '/v1/verify', status: 400 },
      ]);
      // The query string is never logged, nor is the JWT.
      expect(logged.output()).not.toContain('via=router');
      expect(logged.output()).not.toContain(jwt.slice(-20));
    } finally {
      await logged.stop();
    }
  });

  it('still counts the write rate limit', async () => {
    const limited = await startService('verifier', { env: { WRITE_RATE_LIMIT: '5' } });
    try {
      const answers = await Promise.all(Array.from({ length: 12 }, () => fetch(`${limited.url}/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jwt }) })));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(7);
      const refused = answers.find((a) => a.status === 429)!;
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await refused.json()).code).toBe('rate_limited');
    } finally {
      await limited.stop();
    }
  });
});

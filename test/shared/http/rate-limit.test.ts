import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BACKEND } from '../../helpers/database.ts';
import { call, type Answer } from '../../helpers/http.ts';
import { startService, tempDataDir, type StartedService } from '../../helpers/services.ts';

const LIMIT = 10;

/**
 * Two verifier instances on one database (one data directory on SQLite, one DATABASE_URL on
 * PostgreSQL), as two instances behind a load balancer: the write limit is counted in that
 * database, so together they allow LIMIT writes per client a minute, not LIMIT each.
 */
describe(`the write rate limit over two instances on ${TEST_BACKEND}`, () => {
  let a: StartedService;
  let b: StartedService;
  const dataDir = tempDataDir('passport-rate-limit-');

  beforeAll(async () => {
    const env = { WRITE_RATE_LIMIT: String(LIMIT) };
    a = await startService('verifier', { dataDir, env });
    b = await startService('verifier', { dataDir, env });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  /** A write from the client `ip` (the services trust X-Forwarded-For from loopback, as behind a proxy). */
  const write = (to: StartedService, ip: string, token?: string): Promise<Answer> =>
    call(to.url, 'POST', '/v1/verify', { body: {}, headers: { 'x-forwarded-for': ip }, ...(token ? { token } : {}) });

  it('refuses the writes of one client beyond the limit, whichever instance they reach', async () => {
    await clearOfMinuteBoundary();
    const answers: Answer[] = [];
    for (let i = 0; i < LIMIT + 2; i++) answers.push(await write(i % 2 ? b : a, '203.0.113.7'));
    expect(answers.slice(0, LIMIT).map((r) => r.status)).toEqual(Array(LIMIT).fill(400));
    for (const refused of answers.slice(LIMIT)) {
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(answers[0]!.headers.get('ratelimit')).toMatch(/r=\d+/);
    // Another client, and reads, are not held back by it.
    expect((await write(a, '203.0.113.8')).status).toBe(400);
    expect((await call(b.url, 'GET', '/openapi.json', { headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(200);
  });

  it('counts one bearer token across clients and instances', async () => {
    await clearOfMinuteBoundary();
    const answers: Answer[] = [];
    for (let i = 0; i < LIMIT + 1; i++) answers.push(await write(i % 2 ? b : a, `198.51.100.${i + 1}`, 'one-shared-token'));
    expect(answers.slice(0, LIMIT).every((r) => r.status === 400)).toBe(true);
    expect(answers[LIMIT]!.status).toBe(429);
    // The same client without the token still has its own allowance.
    expect((await write(b, '198.51.100.1')).status).toBe(400);
  });

  it('counts racing writes exactly: LIMIT pass, the rest are refused', async () => {
    await clearOfMinuteBoundary();
    const answers = await Promise.all(Array.from({ length: LIMIT + 6 }, (_, i) => write(i % 2 ? b : a, '192.0.2.44')));
    expect(answers.filter((r) => r.status === 400)).toHaveLength(LIMIT);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(6);
  });
});

describe('whose X-Forwarded-For names the client (TRUST_PROXY)', () => {
  it('counts the requests of an untrusted proxy as one client, whatever addresses it claims', async () => {
    const verifier = await startService('verifier', { env: { WRITE_RATE_LIMIT: '3', TRUST_PROXY: '10.0.0.0/8' } });
    try {
      await clearOfMinuteBoundary();
      const answers: Answer[] = [];
      for (let i = 0; i < 4; i++) answers.push(await call(verifier.url, 'POST', '/v1/verify', { body: {}, headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } }));
      expect(answers.map((r) => r.status)).toEqual([400, 400, 400, 429]);
    } finally {
      await verifier.stop();
    }
  });
});

/** The limit counts per minute: a test that needs one window waits when the next one is seconds away. */
async function clearOfMinuteBoundary(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 15_000) await new Promise((r) => setTimeout(r, left + 100));
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/http.ts';
import { startService, type StartedService } from '../helpers/services.ts';

/**
 * 40 parallel wrong passwords for one login. Before the fix the limit was checked before scrypt
 * and counted after it, so all 40 were hashed (40 × 401, each a 32 MiB scrypt on the thread
 * pool the file system shares). A 401 is an answer that needed the hash; a 429 did not.
 */
let wallet: StartedService;

beforeAll(async () => {
  wallet = await startService('wallet', { env: { PASSPORT_SECRET: 'sign-in-burst-test-secret-0123456789abcdef' } });
  expect((await call(wallet.url, 'POST', '/v1/accounts', { body: { login: 'dana', password: 'the real password' } })).status).toBe(201);
});
afterAll(async () => {
  await wallet?.stop();
});

describe('sign-in burst', () => {
  it('evaluates at most a few of 40 parallel wrong passwords, and refuses the rest before hashing', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => call(wallet.url, 'POST', '/v1/sessions', { body: { login: 'dana', password: `guess number ${i}` } })),
    );
    const hashed = answers.filter((a) => a.status === 401).length;
    const refused = answers.filter((a) => a.status === 429);
    expect(hashed).toBeLessThanOrEqual(3);
    expect(refused.length).toBe(40 - hashed);
    for (const answer of refused) {
      expect(answer.body.code).toBe('rate_limited');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('refuses a burst over many logins as busy or limited, never with a 500, and stays responsive', async () => {
    const answers = await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        call(wallet.url, 'POST', '/v1/sessions', { body: { login: `someone${i}`, password: 'guess' }, headers: { 'x-forwarded-for': `198.51.100.${i}` } }),
      ),
    );
    for (const answer of answers) expect([401, 429, 503]).toContain(answer.status);
    expect((await call(wallet.url, 'GET', '/healthz')).status).toBe(200);
  });
});

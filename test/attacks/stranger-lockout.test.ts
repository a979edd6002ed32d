import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/http.ts';
import { startService, type StartedService } from '../helpers/services.ts';

/**
 * A stranger types wrong passwords for Dana's login from their own address. Before the fix five
 * failures locked the login for 15 minutes, Dana included, with no way back. Now the login only
 * backs off (at most 30 s after the stranger's last attempt) and Dana's password passes after.
 * Addresses come from X-Forwarded-For, which the wallet honours from its loopback proxy only.
 */
let wallet: StartedService;
const DANA = { login: 'dana', password: 'the real password' };
const STRANGER = { 'x-forwarded-for': '203.0.113.66' };
const DANA_PHONE = { 'x-forwarded-for': '198.51.100.7' };

beforeAll(async () => {
  wallet = await startService('wallet', { env: { PASSPORT_SECRET: 'stranger-lockout-test-secret-0123456789' } });
  expect((await call(wallet.url, 'POST', '/v1/accounts', { body: DANA })).status).toBe(201);
});
afterAll(async () => {
  await wallet?.stop();
});

describe('stranger lock-out', () => {
  it('lets the owner in after a short backoff, however many times a stranger failed', async () => {
    for (let i = 0; i < 12; i++) {
      const res = await call(wallet.url, 'POST', '/v1/sessions', { body: { login: DANA.login, password: `stranger guess ${i}` }, headers: STRANGER });
      expect([401, 429]).toContain(res.status);
    }
    let res = await call(wallet.url, 'POST', '/v1/sessions', { body: DANA, headers: DANA_PHONE });
    for (let tries = 0; res.status === 429 && tries < 3; tries++) {
      const wait = Number(res.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(30);
      await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 100));
      res = await call(wallet.url, 'POST', '/v1/sessions', { body: DANA, headers: DANA_PHONE });
    }
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^vp_session_/);
  }, 60_000);

  it('after the owner got in, the stranger starts over in the backoff, not the owner', async () => {
    expect((await call(wallet.url, 'POST', '/v1/sessions', { body: DANA, headers: DANA_PHONE })).status).toBe(200);
  });
});

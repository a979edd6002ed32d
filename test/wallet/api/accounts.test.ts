import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServiceDatabase } from '../../helpers/database.ts';
import { startService, type StartedService } from '../../helpers/services.ts';
import { call, type CallOptions } from './setup.ts';

let wallet: StartedService;
const api = <T = any>(method: string, path: string, options?: CallOptions) => call<T>(wallet.url, method, path, options);
const PASSWORD = 'жас ағаш 2025 long';

beforeAll(async () => {
  wallet = await startService('wallet', { env: { PASSPORT_SECRET: 'wallet-accounts-test-secret-0123456789' } });
});
afterAll(async () => {
  await wallet?.stop();
});

describe('accounts', () => {
  it('opens a passport with a fresh did:key', async () => {
    const res = await api('POST', '/v1/accounts', { body: { login: 'dana', password: PASSWORD } });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
    const other = await api('POST', '/v1/accounts', { body: { login: 'aigerim@example.kz', password: PASSWORD } });
    expect(other.status).toBe(201);
    expect(other.body.did).not.toBe(res.body.did);
  });

  it.each([
    [{ login: 'da', password: PASSWORD }, 'login'],
    [{ login: 'dana dana', password: PASSWORD }, 'login'],
    [{ login: 'дана', password: PASSWORD }, 'login'],
    [{ login: 'x'.repeat(65), password: PASSWORD }, 'login'],
    [{ login: 'erlan', password: 'short1234' }, 'password'],
    [{ login: 'erlan' }, 'password'],
    [{ password: PASSWORD }, 'login'],
  ])('refuses %j naming the field', async (body, field) => {
    const res = await api('POST', '/v1/accounts', { body });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'invalid_request', field });
  });

  it('refuses unknown fields and non-JSON bodies', async () => {
    expect((await api('POST', '/v1/accounts', { body: { login: 'erlan', password: PASSWORD, admin: true } })).body.code).toBe('invalid_request');
    const broken = await api('POST', '/v1/accounts', { raw: '{"login":', type: 'application/json' });
    expect(broken.status).toBe(400);
  });

  it('refuses a login that is taken, whatever its case', async () => {
    const res = await api('POST', '/v1/accounts', { body: { login: 'DANA', password: PASSWORD } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'conflict', field: 'login' });
  });

  it('says a login is taken, but limits sign-ups per client address so that cannot be used to list logins', async () => {
    const from = { 'x-forwarded-for': '192.0.2.44' };
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => api('POST', '/v1/accounts', { body: { login: i % 2 ? `probe${i}` : 'dana', password: PASSWORD }, headers: from })));
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(15).fill(201), ...Array(15).fill(409)]);
    const refused = await api('POST', '/v1/accounts', { body: { login: 'dana', password: PASSWORD }, headers: from });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect((await api('POST', '/v1/accounts', { body: { login: 'from-elsewhere', password: PASSWORD }, headers: { 'x-forwarded-for': '192.0.2.45' } })).status).toBe(201);
  });

  it('keeps the password only as a salted scrypt hash and the key only sealed', async () => {
    const db = await openServiceDatabase(wallet);
    try {
      const rows = await db.all<{ login: string; password_hash: string; sealed_key: string; public_key: string }>('SELECT * FROM accounts');
      expect(rows.length).toBeGreaterThanOrEqual(2);
      for (const row of rows) {
        expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
        expect(row.password_hash).not.toContain(PASSWORD);
        expect(row.sealed_key).toMatch(/^v1\./);
      }
      expect(new Set(rows.map((r) => r.password_hash.split('$')[4])).size).toBe(rows.length);
    } finally {
      await db.close();
    }
  });
});

describe('sessions', () => {
  it('signs in with a bearer token and an HttpOnly, SameSite=Lax cookie', async () => {
    const res = await api('POST', '/v1/sessions', { body: { login: 'Dana', password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^vp_session_/);
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(res.body.did).toMatch(/^did:key:/);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain(`passport_session=${res.body.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const list = await api('GET', '/v1/credentials', { token: res.body.token });
    expect(list.status).toBe(200);
    expect(list.body.credentials).toEqual([]);
  });

  it('answers an unknown login exactly as a wrong password', async () => {
    const unknown = await api('POST', '/v1/sessions', { body: { login: 'nobody', password: PASSWORD } });
    const wrong = await api('POST', '/v1/sessions', { body: { login: 'aigerim@example.kz', password: 'not the password' } });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.code).toBe('unauthorized');
    expect({ ...unknown.body, instance: undefined }).toEqual({ ...wrong.body, instance: undefined });
  });

  it('needs a session for the passport routes', async () => {
    expect((await api('GET', '/v1/credentials')).body.code).toBe('unauthorized');
    expect((await api('GET', '/v1/summary', { token: 'vp_session_forged' })).status).toBe(401);
    expect((await api('POST', '/v1/shares', { body: { credentialIds: ['x'], expiresInDays: 1 } })).status).toBe(401);
  });

  it('takes the cookie, and for writes by cookie only JSON from its own origin (CSRF defence)', async () => {
    const session = await api('POST', '/v1/sessions', { body: { login: 'dana', password: PASSWORD } });
    const cookie = `passport_session=${session.body.token}`;
    const own = { cookie, origin: wallet.url };
    expect((await api('GET', '/v1/summary', { headers: { cookie } })).status).toBe(200);
    const form = await api('POST', '/v1/shares', { headers: own, raw: 'credentialIds=x&expiresInDays=1', type: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(403);
    expect(form.body.code).toBe('csrf');
    const plain = await api('POST', '/v1/shares', { headers: own, raw: '{"credentialIds":["x"],"expiresInDays":1}', type: 'text/plain' });
    expect(plain.status).toBe(403);
    const foreign = await api('POST', '/v1/shares', { headers: { cookie, origin: 'https://evil.example' }, body: { credentialIds: ['x'], expiresInDays: 1 } });
    expect(foreign.body.code).toBe('csrf');
    const unmarked = await api('POST', '/v1/shares', { headers: { cookie }, body: { credentialIds: ['x'], expiresInDays: 1 } });
    expect(unmarked.body.code).toBe('csrf');
    const json = await api('POST', '/v1/shares', { headers: own, body: { credentialIds: ['x'], expiresInDays: 1 } });
    expect(json.status).toBe(404);
    expect(json.body).toMatchObject({ code: 'not_found', field: 'credentialIds.0' });
  });

  it('signs out: the token stops working at once', async () => {
    const session = await api('POST', '/v1/sessions', { body: { login: 'dana', password: PASSWORD } });
    expect((await api('DELETE', '/v1/sessions/current', { token: session.body.token })).status).toBe(204);
    expect((await api('GET', '/v1/credentials', { token: session.body.token })).body.code).toBe('unauthorized');
  });

  /** Wrong passwords for `login` until `count` were checked, waiting out the backoff as a patient guesser would. */
  async function failSignIns(login: string, count: number): Promise<void> {
    for (let failed = 0; failed < count; ) {
      const res = await api('POST', '/v1/sessions', { body: { login, password: `guess number ${failed}` } });
      if (res.status === 401) failed++;
      else if (res.status === 429) await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000));
      else throw new Error(`sign-in answered ${res.status}`);
    }
  }

  it('backs off password guessing against one login, the right password included', async () => {
    await api('POST', '/v1/accounts', { body: { login: 'target', password: PASSWORD } });
    // Three failures are free, then the waits grow: after the fifth the next try waits 4 s.
    await failSignIns('target', 5);
    const blocked = await api('POST', '/v1/sessions', { body: { login: 'target', password: PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    // Another volunteer signing in from the same address is not held back by it.
    expect((await api('POST', '/v1/sessions', { body: { login: 'dana', password: PASSWORD } })).status).toBe(200);
  }, 30_000);

  it('survives a restart: sessions and attempt counts are in the database, not in memory', async () => {
    const session = await api('POST', '/v1/sessions', { body: { login: 'dana', password: PASSWORD } });
    await wallet.restart();
    expect((await api('GET', '/v1/credentials', { token: session.body.token })).status).toBe(200);
    // The sixth failure (had the count been lost, it would be the first, and free) makes the next try wait 8 s.
    await failSignIns('target', 1);
    expect((await api('POST', '/v1/sessions', { body: { login: 'target', password: PASSWORD } })).status).toBe(429);
  }, 60_000);

  it('stops one client trying many logins after 20 failures', async () => {
    // Attempts so far from this address that count: wrong password, unknown login, target's failures and refusals.
    let status = 0;
    for (let i = 0; i < 20 && status !== 429; i++) {
      status = (await api('POST', '/v1/sessions', { body: { login: `someone${i}`, password: 'not the password' } })).status;
    }
    expect(status).toBe(429);
    expect((await api('POST', '/v1/sessions', { body: { login: 'dana', password: PASSWORD } })).status).toBe(429);
  });

  it('never writes passwords or tokens to its logs', () => {
    expect(wallet.output()).not.toContain(PASSWORD);
    expect(wallet.output()).not.toMatch(/vp_session_[A-Za-z0-9_-]{20}/);
  });
});

describe('documents', () => {
  it('serves an OpenAPI document naming every route', async () => {
    const res = await api('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const path of ['/v1/accounts', '/v1/sessions', '/v1/sessions/current', '/v1/credentials/claim', '/v1/credentials', '/v1/credentials/{id}', '/v1/summary', '/v1/shares', '/v1/shares/{id}', '/v1/shares/{id}/qr.png', '/p/{token}', '/v1/presentations/requests', '/v1/presentations/respond', '/v1/passport.pdf', '/v1/export', '/v1/import', '/v1/account', '/v1/account/profile', '/v1/account/password', '/v1/account/recovery-codes', '/v1/account/recover', '/v1/account/email', '/v1/account/email/confirm', '/v1/account/password-reset', '/v1/account/password-reset/complete']) {
      expect(res.body.paths, path).toHaveProperty([path]);
    }
  });
});

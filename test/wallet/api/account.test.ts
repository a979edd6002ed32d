import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServiceDatabase } from '../../helpers/database.ts';
import { Passport, type Organization } from './setup.ts';

const PASSWORD = 'жас ағаш 2025 long';
const NEW_PASSWORD = 'тағы бір ұзын құпия сөз';
let passport: Passport;
let eco: Organization;

beforeAll(async () => {
  passport = await Passport.start();
  eco = await passport.accredit('eco-recovery');
});
afterAll(async () => {
  await passport?.stop();
});

const api = (method: string, path: string, options?: Parameters<Passport['walletApi']>[2]) => passport.walletApi(method, path, options);

async function signUp(login: string, password = PASSWORD): Promise<{ id: string; codes: string[] }> {
  const res = await api('POST', '/v1/accounts', { body: { login, password } });
  expect(res.status).toBe(201);
  return { id: res.body.id, codes: res.body.recoveryCodes };
}

async function signIn(login: string, password: string): Promise<{ status: number; token: string }> {
  const res = await api('POST', '/v1/sessions', { body: { login, password } });
  return { status: res.status, token: res.body.token };
}

describe('recovery codes', () => {
  it('are handed out once at sign-up: ten distinct codes, stored only as hashes', async () => {
    const { id, codes } = await signUp('codes-owner');
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const db = await openServiceDatabase(passport.wallet);
    try {
      const rows = await db.all<{ code_hash: string }>('SELECT code_hash FROM recovery_codes WHERE account_id = ?', [id]);
      expect(rows).toHaveLength(10);
      const stored = JSON.stringify(await db.all('SELECT * FROM recovery_codes'));
      for (const code of codes) {
        expect(stored).not.toContain(code);
        expect(stored).not.toContain(code.replace(/-/g, ''));
      }
    } finally {
      await db.close();
    }
    const { token } = await signIn('codes-owner', PASSWORD);
    expect((await api('GET', '/v1/account', { token })).body).toMatchObject({ login: 'codes-owner', recoveryCodesLeft: 10, name: null });
  });

  it('reset the password once each, end every session, and the old password stops working', async () => {
    const { codes } = await signUp('forgetful');
    const before = await signIn('forgetful', PASSWORD);
    const res = await api('POST', '/v1/account/recover', { body: { login: 'forgetful', code: codes[3]!.toUpperCase().replace('-', ' '), newPassword: NEW_PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ remainingCodes: 9 });
    expect((await api('GET', '/v1/account', { token: before.token })).status).toBe(401);
    expect((await signIn('forgetful', PASSWORD)).status).toBe(401);
    expect((await signIn('forgetful', NEW_PASSWORD)).status).toBe(200);
    const again = await api('POST', '/v1/account/recover', { body: { login: 'forgetful', code: codes[3], newPassword: PASSWORD } });
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ code: 'unauthorized', field: 'code' });
    expect((await signIn('forgetful', PASSWORD)).status).toBe(401);
  });

  it('answer a wrong code and an unknown login alike, and never 500 on bad input', async () => {
    await signUp('guarded');
    const wrong = await api('POST', '/v1/account/recover', { body: { login: 'guarded', code: 'aaaa-bbbb-cccc', newPassword: NEW_PASSWORD } });
    const unknown = await api('POST', '/v1/account/recover', { body: { login: 'nobody-here', code: 'aaaa-bbbb-cccc', newPassword: NEW_PASSWORD } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    for (const body of [{}, { login: 'guarded', code: 'x', newPassword: 'short' }, { login: 'guarded', code: 7, newPassword: NEW_PASSWORD }, { login: 'guarded', code: 'x', newPassword: NEW_PASSWORD, admin: true }]) {
      const res = await api('POST', '/v1/account/recover', { body });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('invalid_request');
    }
  });

  it('are rate limited with the sign-in limit: guesses wait, and a right code is held back during the wait', async () => {
    const { codes } = await signUp('targeted');
    const from = { 'x-forwarded-for': '192.0.2.77' };
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await api('POST', '/v1/account/recover', { body: { login: 'targeted', code: `zzzz-zzzz-zzz${i + 2}`, newPassword: NEW_PASSWORD }, headers: from })).status);
    expect(answers.slice(0, 3)).toEqual([401, 401, 401]);
    expect(answers).toContain(429);
    const held = await api('POST', '/v1/account/recover', { body: { login: 'targeted', code: codes[0], newPassword: NEW_PASSWORD }, headers: from });
    expect(held.status).toBe(429);
    expect(held.body.code).toBe('rate_limited');
    // The code was not spent by the refused attempt: the password is unchanged.
    expect((await signIn('targeted', NEW_PASSWORD)).status).not.toBe(200);
  });

  it('can be regenerated when signed in (with the password), which invalidates the old ones', async () => {
    const { codes: old } = await signUp('renewer');
    const { token } = await signIn('renewer', PASSWORD);
    const noPassword = await api('POST', '/v1/account/recovery-codes', { token, body: {} });
    expect(noPassword.status).toBe(400);
    const wrongPassword = await api('POST', '/v1/account/recovery-codes', { token, body: { password: 'not the password' } });
    expect(wrongPassword.status).toBe(403);
    expect(wrongPassword.body).toMatchObject({ code: 'forbidden', field: 'password' });
    const res = await api('POST', '/v1/account/recovery-codes', { token, body: { password: PASSWORD } });
    expect(res.status).toBe(201);
    expect(res.body.recoveryCodes).toHaveLength(10);
    expect(res.body.recoveryCodes).not.toContain(old[0]);
    expect((await api('POST', '/v1/account/recover', { body: { login: 'renewer', code: old[0], newPassword: NEW_PASSWORD } })).status).toBe(401);
    expect((await api('POST', '/v1/account/recover', { body: { login: 'renewer', code: res.body.recoveryCodes[0], newPassword: NEW_PASSWORD } })).status).toBe(200);
    expect((await api('POST', '/v1/account/recovery-codes', { body: { password: PASSWORD } })).status).toBe(401);
  });
});

describe('password change', () => {
  it('needs the current password, applies the password rules, and ends the other sessions only', async () => {
    await signUp('changer');
    const here = await signIn('changer', PASSWORD);
    const elsewhere = await signIn('changer', PASSWORD);
    const wrong = await api('POST', '/v1/account/password', { token: here.token, body: { currentPassword: 'guessing wrong', newPassword: NEW_PASSWORD } });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ code: 'forbidden', field: 'currentPassword' });
    const weak = await api('POST', '/v1/account/password', { token: here.token, body: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(weak.body).toMatchObject({ code: 'invalid_request', field: 'newPassword' });
    expect((await api('POST', '/v1/account/password', { body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } })).status).toBe(401);

    const res = await api('POST', '/v1/account/password', { token: here.token, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    expect(res.status).toBe(204);
    expect((await api('GET', '/v1/account', { token: here.token })).status).toBe(200);
    expect((await api('GET', '/v1/account', { token: elsewhere.token })).status).toBe(401);
    expect((await signIn('changer', PASSWORD)).status).toBe(401);
    expect((await signIn('changer', NEW_PASSWORD)).status).toBe(200);
  });
});

describe('profile name', () => {
  it('is set, trimmed, cleared, and refused when it is not a name', async () => {
    await signUp('named');
    const { token } = await signIn('named', PASSWORD);
    const set = await api('PUT', '/v1/account/profile', { token, body: { name: '  Дана Серікқызы ' } });
    expect(set.status).toBe(200);
    expect(set.body.name).toBe('Дана Серікқызы');
    expect((await api('GET', '/v1/account', { token })).body.name).toBe('Дана Серікқызы');
    for (const name of ['x'.repeat(121), 'a\u0000b', 42]) {
      const res = await api('PUT', '/v1/account/profile', { token, body: { name } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid_request', field: 'name' });
    }
    expect((await api('PUT', '/v1/account/profile', { token, body: { name: '' } })).body.name).toBeNull();
  });
});

describe('deleting the account', () => {
  it('needs the password, then removes everything: credentials, shares (404), sessions, codes, the login', async () => {
    const { id, codes } = await signUp('leaving');
    const { token } = await signIn('leaving', PASSWORD);
    const recorded = await passport.record(eco, { hours: 5 });
    const claimed = await passport.walletApi('POST', '/v1/credentials/claim', { token, body: { offerUri: recorded.offerUri } });
    expect(claimed.status).toBe(201);
    const share = await api('POST', '/v1/shares', { token, body: { credentialIds: [claimed.body.id], expiresInDays: 30 } });
    expect(share.status).toBe(201);
    expect((await api('GET', share.body.url, { headers: { accept: 'application/jwt' } })).status).toBe(200);

    const wrong = await api('DELETE', '/v1/account', { token, body: { password: 'not the password' } });
    expect(wrong.status).toBe(403);
    expect((await api('DELETE', '/v1/account', { token })).status).toBe(400);
    expect((await api('GET', '/v1/credentials', { token })).body.credentials).toHaveLength(1);

    const res = await api('DELETE', '/v1/account', { token, body: { password: PASSWORD } });
    expect(res.status).toBe(204);
    expect((await api('GET', share.body.url, { headers: { accept: 'application/jwt' } })).status).toBe(404);
    expect((await api('GET', '/v1/credentials', { token })).status).toBe(401);
    expect((await signIn('leaving', PASSWORD)).status).toBe(401);
    expect((await api('POST', '/v1/account/recover', { body: { login: 'leaving', code: codes[0], newPassword: NEW_PASSWORD } })).status).toBe(401);
    const db = await openServiceDatabase(passport.wallet);
    try {
      for (const table of ['accounts', 'credentials', 'shares', 'sessions', 'recovery_codes', 'claimed_offers', 'presentation_requests']) {
        const column = table === 'accounts' ? 'id' : 'account_id';
        const row = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`, [id]);
        expect(row?.n, table).toBe(0);
      }
    } finally {
      await db.close();
    }
    // The login is free again: a new passport, with a new key.
    expect((await api('POST', '/v1/accounts', { body: { login: 'leaving', password: PASSWORD } })).status).toBe(201);
  });
});

describe('e-mail recovery without SMTP_URL', () => {
  it('is not offered: the account says so and every e-mail route answers 404', async () => {
    await signUp('no-mail');
    const { token } = await signIn('no-mail', PASSWORD);
    expect((await api('GET', '/v1/account', { token })).body).toMatchObject({ email: null, emailRecovery: false });
    const add = await api('PUT', '/v1/account/email', { token, body: { email: 'no-mail@mail.kz', password: PASSWORD } });
    expect(add.status).toBe(404);
    expect(add.body).toMatchObject({ code: 'not_found' });
    expect((await api('POST', '/v1/account/password-reset', { body: { email: 'no-mail@mail.kz' } })).status).toBe(404);
  });
});

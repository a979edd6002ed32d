import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServiceDatabase } from '../../helpers/database.ts';
import { call, type CallOptions } from '../../helpers/http.ts';
import { startService, type StartedService } from '../../helpers/services.ts';
import { startMailbox, type TestMailbox } from '../../helpers/smtp.ts';

/**
 * Optional e-mail recovery over the wallet's API, with a real SMTP server: adding and confirming
 * an address, "forgot password", the single-use short-lived link, and what is never said.
 */
const PASSWORD = 'жас ағаш 2025 long';
const NEW_PASSWORD = 'тағы бір ұзын құпия сөз';
let wallet: StartedService;
let mailbox: TestMailbox;
const seenTokens: string[] = [];
/** How many e-mails the tests have read so far. */
let read = 0;

beforeAll(async () => {
  mailbox = await startMailbox();
  wallet = await startService('wallet', { env: { PASSPORT_SECRET: 'email-recovery-test-secret', SMTP_URL: mailbox.url, MAIL_FROM: 'Volunteer Passport <passport@wallet.test>' } });
});
afterAll(async () => {
  await wallet?.stop();
  await mailbox?.stop();
});

const api = (method: string, path: string, options?: CallOptions) => call(wallet.url, method, path, options);

async function account(login: string): Promise<{ token: string }> {
  expect((await api('POST', '/v1/accounts', { body: { login, password: PASSWORD } })).status).toBe(201);
  const session = await api('POST', '/v1/sessions', { body: { login, password: PASSWORD } });
  expect(session.status).toBe(200);
  return { token: session.body.token };
}

/** The next e-mail to arrive, and the token its link carries after `#token=`. */
async function nextMail(path: string): Promise<{ mail: ParsedMail; token: string }> {
  const mail = (await mailbox.waitFor(read + 1))[read++]!;
  const link = new RegExp(`${wallet.url}${path}#token=([A-Za-z0-9_-]{43})`).exec(mail.text ?? '');
  expect(link, mail.text).not.toBeNull();
  seenTokens.push(link![1]!);
  return { mail, token: link![1]! };
}

async function withAddress(login: string, email: string): Promise<{ token: string }> {
  const session = await account(login);
  expect((await api('PUT', '/v1/account/email', { token: session.token, body: { email, password: PASSWORD } })).status).toBe(202);
  const { token } = await nextMail('/confirm-email');
  expect((await api('POST', '/v1/account/email/confirm', { body: { token } })).status).toBe(200);
  return session;
}

describe('a recovery e-mail address', () => {
  it('counts only once the mailed link is opened, and asks for the password first', async () => {
    const { token: session } = await account('aigerim');
    expect((await api('GET', '/v1/account', { token: session })).body).toMatchObject({ email: null, emailRecovery: true });
    const wrong = await api('PUT', '/v1/account/email', { token: session, body: { email: 'aigerim@mail.kz', password: 'not the password at all' } });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ code: 'forbidden', field: 'password' });

    const added = await api('PUT', '/v1/account/email?lang=ru', { token: session, body: { email: ' Aigerim@Mail.KZ ', password: PASSWORD } });
    expect(added.status).toBe(202);
    expect(added.body).toEqual({ pendingEmail: 'aigerim@mail.kz' });
    const { mail, token } = await nextMail('/confirm-email');
    expect(mail.to).toMatchObject({ text: 'aigerim@mail.kz' });
    expect(mail.from?.text).toContain('passport@wallet.test');
    expect(mail.subject).toBe('Паспорт волонтёра: подтвердите адрес почты');
    // The address may be a stranger's typed by mistake: the confirmation names no login.
    expect(mail.text).not.toContain('aigerim\n');
    expect(mail.text).not.toMatch(/логин/i);
    expect((await api('GET', '/v1/account', { token: session })).body.email).toBeNull();

    const confirmed = await api('POST', '/v1/account/email/confirm', { body: { token } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ email: 'aigerim@mail.kz' });
    expect((await api('GET', '/v1/account', { token: session })).body.email).toBe('aigerim@mail.kz');
    const again = await api('POST', '/v1/account/email/confirm', { body: { token } });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ code: 'gone', field: 'token' });
  });

  it('refuses what is not an address or not a link token, naming the field', async () => {
    const { token: session } = await account('bolat');
    const bad = await api('PUT', '/v1/account/email', { token: session, body: { email: 'not-an-address', password: PASSWORD } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'invalid_request', field: 'email' });
    expect((await api('POST', '/v1/account/email/confirm', { body: { token: 'short' } })).body).toMatchObject({ code: 'invalid_request', field: 'token' });
    expect((await api('POST', '/v1/account/password-reset', { body: { email: 42 } })).body).toMatchObject({ code: 'invalid_request', field: 'email' });
    expect((await api('POST', '/v1/account/password-reset/complete', { body: { token: 'x'.repeat(43), newPassword: 'short' } })).body).toMatchObject({ code: 'invalid_request', field: 'newPassword' });
    expect((await api('PUT', '/v1/account/email', { body: { email: 'a@b.kz', password: PASSWORD } })).status).toBe(401);
  });
});

describe('forgot password', () => {
  it('mails a single-use link that sets a new password and ends every session', async () => {
    const { token: session } = await withAddress('dana', 'dana@mail.kz');
    const asked = await api('POST', '/v1/account/password-reset?lang=kk', { body: { email: 'DANA@mail.kz' } });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ status: 'accepted' });
    const { mail, token } = await nextMail('/reset-password');
    expect(mail.subject).toBe('Волонтер паспорты: жаңа құпиясөз қою');
    expect(mail.text).toContain('Логиніңіз: dana');
    expect(mail.text).toContain('30 минут');

    expect((await api('POST', '/v1/account/password-reset/complete', { body: { token, newPassword: NEW_PASSWORD } })).status).toBe(204);
    expect((await api('GET', '/v1/account', { token: session })).status).toBe(401);
    expect((await api('POST', '/v1/sessions', { body: { login: 'dana', password: PASSWORD } })).status).toBe(401);
    expect((await api('POST', '/v1/sessions', { body: { login: 'dana', password: NEW_PASSWORD } })).status).toBe(200);
    const reused = await api('POST', '/v1/account/password-reset/complete', { body: { token, newPassword: 'yet another long password' } });
    expect(reused.status).toBe(410);
    expect(reused.body).toMatchObject({ code: 'gone', field: 'token' });
  });

  it('answers an unknown address exactly as a known one, and mails nothing', async () => {
    await withAddress('erlan', 'erlan@mail.kz');
    const known = await api('POST', '/v1/account/password-reset', { body: { email: 'erlan@mail.kz' } });
    const { token } = await nextMail('/reset-password');
    expect(token).toBeTruthy();
    const count = read;
    const unknown = await api('POST', '/v1/account/password-reset', { body: { email: 'nobody@mail.kz' } });
    expect(unknown.status).toBe(known.status);
    expect(unknown.text).toBe(known.text);
    const names = (h: Headers) => { const all: string[] = []; h.forEach((_v, k) => all.push(k)); return all.sort(); };
    expect(names(unknown.headers)).toEqual(names(known.headers));
    // A further known request is mailed; had the unknown one been mailed, it would arrive first.
    await api('POST', '/v1/account/password-reset', { body: { email: 'erlan@mail.kz' } });
    await nextMail('/reset-password');
    expect(mailbox.messages.slice(count).map((m) => m.to && 'text' in m.to ? m.to.text : '')).toEqual(['erlan@mail.kz']);
  });

  it('a link expires, and only the newest one works', async () => {
    await withAddress('farida', 'farida@mail.kz');
    await api('POST', '/v1/account/password-reset', { body: { email: 'farida@mail.kz' } });
    const first = await nextMail('/reset-password');
    await api('POST', '/v1/account/password-reset', { body: { email: 'farida@mail.kz' } });
    const second = await nextMail('/reset-password');
    expect((await api('POST', '/v1/account/password-reset/complete', { body: { token: first.token, newPassword: NEW_PASSWORD } })).status).toBe(410);
    const db = await openServiceDatabase(wallet);
    try {
      await db.run("UPDATE email_links SET expires_at = '2000-01-01T00:00:00.000Z' WHERE purpose = 'reset_password'");
    } finally {
      await db.close();
    }
    expect((await api('POST', '/v1/account/password-reset/complete', { body: { token: second.token, newPassword: NEW_PASSWORD } })).status).toBe(410);
    expect((await api('POST', '/v1/sessions', { body: { login: 'farida', password: PASSWORD } })).status).toBe(200);
  });

  it('a link dies when the address is removed from the account', async () => {
    const { token: session } = await withAddress('gulnar', 'gulnar@mail.kz');
    await api('POST', '/v1/account/password-reset', { body: { email: 'gulnar@mail.kz' } });
    const { token } = await nextMail('/reset-password');
    expect((await api('DELETE', '/v1/account/email', { token: session })).status).toBe(204);
    expect((await api('GET', '/v1/account', { token: session })).body.email).toBeNull();
    expect((await api('POST', '/v1/account/password-reset/complete', { body: { token, newPassword: NEW_PASSWORD } })).status).toBe(410);
  });

  it('is rate limited per address, whether or not the address is known', async () => {
    for (let i = 0; i < 3; i++) expect((await api('POST', '/v1/account/password-reset', { body: { email: 'flood@mail.kz' } })).status).toBe(202);
    const limited = await api('POST', '/v1/account/password-reset', { body: { email: 'flood@mail.kz' } });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'rate_limited' });
  });

  it('keeps link tokens only as hashes, and never logs them', async () => {
    expect(seenTokens.length).toBeGreaterThan(5);
    const db = await openServiceDatabase(wallet);
    try {
      const stored = JSON.stringify(await db.all('SELECT * FROM email_links'));
      for (const token of seenTokens) expect(stored).not.toContain(token);
    } finally {
      await db.close();
    }
    const log = wallet.output();
    expect(log.length).toBeGreaterThan(0);
    for (const token of seenTokens) expect(log).not.toContain(token);
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type CallOptions } from '../helpers/http.ts';
import { startService, type StartedService } from '../helpers/services.ts';
import { startMailbox, type TestMailbox } from '../helpers/smtp.ts';

/**
 * Ways into someone else's passport through e-mail recovery, each reproduced against a real
 * wallet and a real SMTP server, each refused.
 */
const PASSWORD = 'жас ағаш 2025 long';
let wallet: StartedService;
let mailbox: TestMailbox;
let victim: string;

const api = (method: string, path: string, options?: CallOptions) => call(wallet.url, method, path, options);

beforeAll(async () => {
  mailbox = await startMailbox();
  wallet = await startService('wallet', { env: { SMTP_URL: mailbox.url } });
  expect((await api('POST', '/v1/accounts', { body: { login: 'victim', password: PASSWORD } })).status).toBe(201);
  victim = (await api('POST', '/v1/sessions', { body: { login: 'victim', password: PASSWORD } })).body.token;
  expect((await api('PUT', '/v1/account/email', { token: victim, body: { email: 'victim@mail.kz', password: PASSWORD } })).status).toBe(202);
  const token = /#token=([A-Za-z0-9_-]{43})/.exec((await mailbox.waitFor(1))[0]!.text ?? '')![1];
  expect((await api('POST', '/v1/account/email/confirm', { body: { token } })).status).toBe(200);
});
afterAll(async () => {
  await wallet?.stop();
  await mailbox?.stop();
});

describe('password reset attacks', () => {
  it('a stolen session cannot put the thief\'s address on the account without the password', async () => {
    const before = mailbox.messages.length;
    const res = await api('PUT', '/v1/account/email', { token: victim, body: { email: 'thief@evil.example', password: 'a guessed password 1' } });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'forbidden', field: 'password' });
    await api('POST', '/v1/account/password-reset', { body: { email: 'thief@evil.example' } });
    await new Promise((r) => setTimeout(r, 500));
    expect(mailbox.messages.slice(before).map((m) => (m.to && 'text' in m.to ? m.to.text : ''))).not.toContain('thief@evil.example');
    expect((await api('GET', '/v1/account', { token: victim })).body.email).toBe('victim@mail.kz');
  });

  it('guessed reset tokens are refused exactly like a used one, and a confirmation token does not reset', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await api('POST', '/v1/account/password-reset/complete', { body: { token: randomBytes(32).toString('base64url'), newPassword: 'the thief password 1' } });
      expect(res.status).toBe(410);
      expect(res.body).toMatchObject({ code: 'gone', field: 'token' });
    }
    // A fresh confirmation link (the victim changes address) is no reset link.
    const before = mailbox.messages.length;
    expect((await api('PUT', '/v1/account/email', { token: victim, body: { email: 'victim@mail.kz', password: PASSWORD } })).status).toBe(202);
    const confirm = /#token=([A-Za-z0-9_-]{43})/.exec((await mailbox.waitFor(before + 1))[before]!.text ?? '')![1];
    expect((await api('POST', '/v1/account/password-reset/complete', { body: { token: confirm, newPassword: 'the thief password 1' } })).status).toBe(410);
    expect((await api('POST', '/v1/sessions', { body: { login: 'victim', password: PASSWORD } })).status).toBe(200);
  });

  it('another site\'s form cannot make the wallet mail a reset link, nor complete one', async () => {
    for (const path of ['/v1/account/password-reset', '/v1/account/password-reset/complete', '/v1/account/email/confirm']) {
      const res = await api('POST', path, { raw: 'email=victim%40mail.kz', type: 'application/x-www-form-urlencoded', headers: { origin: 'https://evil.example' } });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(['csrf', 'unsupported_media_type'], path).toContain(res.body.code);
    }
  });
});

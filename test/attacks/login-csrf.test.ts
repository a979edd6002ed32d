import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { call } from '../helpers/http.ts';
import { freePort, startService, type StartedService } from '../helpers/services.ts';

/**
 * Login CSRF: a page on another site posts a form to the wallet's sign-in route with the
 * attacker's login. Before the fix the victim's browser came back signed in to the attacker's
 * passport (and the next credential they claimed landed there).
 */
let wallet: StartedService;
let evil: Server;
let evilUrl: string;
let browser: Browser;
const ATTACKER = { login: 'attacker', password: 'attacker password 1' };

beforeAll(async () => {
  wallet = await startService('wallet', { env: { PASSPORT_SECRET: 'login-csrf-test-secret-0123456789abcdef' } });
  expect((await call(wallet.url, 'POST', '/v1/accounts', { body: ATTACKER })).status).toBe(201);
  const port = await freePort();
  // 127.0.0.1 is another site than the wallet's localhost: the form is cross-site.
  evilUrl = `http://127.0.0.1:${port}`;
  evil = createServer((req, res) => {
    const target = req.url === '/sign-up' ? '/v1/accounts' : '/v1/sessions';
    const login = req.url === '/sign-up' ? 'planted' : ATTACKER.login;
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><form method="post" action="${wallet.url}${target}" enctype="application/x-www-form-urlencoded">
      <input name="login" value="${login}"><input name="password" value="${ATTACKER.password}"></form>
      <script>document.forms[0].submit()</script>`);
  });
  await new Promise<void>((resolve) => evil.listen(port, '127.0.0.1', resolve));
  browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => evil?.close(resolve));
  await wallet?.stop();
});

describe('login CSRF', () => {
  it('a cross-site form does not sign the victim into the attacker\'s wallet', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const answer = page.waitForResponse((res) => res.url() === `${wallet.url}/v1/sessions`);
    await page.goto(evilUrl);
    expect((await answer).status()).toBe(403);
    const cookies = await context.cookies(wallet.url);
    expect(cookies.find((c) => c.name === 'passport_session')).toBeUndefined();
    await context.close();
  });

  it('a cross-site form cannot open an account either', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const answer = page.waitForResponse((res) => res.url() === `${wallet.url}/v1/accounts`);
    await page.goto(`${evilUrl}/sign-up`);
    expect((await answer).status()).toBe(403);
    await context.close();
    const planted = await call(wallet.url, 'POST', '/v1/sessions', { body: { login: 'planted', password: ATTACKER.password } });
    expect(planted.status).toBe(401);
  });

  it('refuses form bodies and foreign origins from any client, and names the reason', async () => {
    const form = await call(wallet.url, 'POST', '/v1/sessions', { raw: `login=${ATTACKER.login}&password=attacker+password+1`, type: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(403);
    expect(form.body.code).toBe('csrf');
    expect(form.headers.get('set-cookie')).toBeNull();
    const foreign = await call(wallet.url, 'POST', '/v1/sessions', { body: ATTACKER, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('csrf');
    const plain = await call(wallet.url, 'POST', '/v1/accounts', { raw: JSON.stringify({ login: 'plain', password: ATTACKER.password }), type: 'text/plain' });
    expect(plain.body.code).toBe('csrf');
  });

  it('still signs in from the wallet\'s own origin and from API clients', async () => {
    expect((await call(wallet.url, 'POST', '/v1/sessions', { body: ATTACKER })).status).toBe(200);
    expect((await call(wallet.url, 'POST', '/v1/sessions', { body: ATTACKER, headers: { origin: wallet.url } })).status).toBe(200);
  });
});

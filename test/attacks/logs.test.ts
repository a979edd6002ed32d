import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/services.ts';
import { api, startPassport, type Passport } from './passport.ts';

/** A bearer token as the services make them (24 random bytes, base64url), marked so a test can grep for it. */
const token = (mark: string) => `${mark}${randomBytes(24).toString('base64url')}`;

// Share links (`/p/{token}`), credential offers and presentation requests are bearer links: whoever
// reads one in a log can use it. Failures that reach the log (a 5xx, a request line) must not
// carry them (issue 8, "Secrets and bearer links stay out of logs").
describe('bearer links stay out of the logs', () => {
  let p: Passport;
  let dead: string;
  beforeAll(async () => {
    p = await startPassport();
    // Nothing listens here: fetching from it fails, as an issuer or wallet that is down would.
    dead = `http://localhost:${await freePort()}`;
  });
  afterAll(() => p?.stop());

  it('a share link the verifier cannot fetch', async () => {
    const secret = token('Sh4re');
    const res = await api(p.verifier, 'POST', '/v1/verify', { body: { url: `${dead}/p/${secret}?k=${token('Qry')}` } });
    expect(res.status).toBe(502);
    expect(res.text).not.toContain(secret);
    await expectLoggedWithout(p.verifier.output, [secret, 'Qry'], '/p/[redacted]?[redacted]');
  });

  it('a credential offer the wallet cannot fetch, by reference and with a secret in the query', async () => {
    const secret = token('0ffer');
    const inQuery = token('C0de');
    const offerUrl = `${dead}/oid4vci/offers/${secret}?pre_authorized_code=${inQuery}`;
    const res = await api(p.wallet, 'POST', '/v1/credentials/claim', {
      token: p.session,
      body: { offerUri: `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(offerUrl)}` },
    });
    expect(res.status).toBe(502);
    await expectLoggedWithout(p.wallet.output, [secret, inQuery], '/oid4vci/offers/[redacted]?[redacted]');
  });

  it('a presentation request the wallet cannot fetch', async () => {
    const secret = token('Req');
    const link = `openid4vp://?client_id=${encodeURIComponent(`redirect_uri:${dead}/oid4vp/responses/${secret}`)}&request_uri=${encodeURIComponent(`${dead}/oid4vp/requests/${secret}`)}`;
    const res = await api(p.wallet, 'POST', '/v1/presentations/requests', { token: p.session, body: { requestUri: link } });
    expect(res.status).toBe(502);
    await expectLoggedWithout(p.wallet.output, [secret], '/oid4vp/requests/[redacted]');
  });

  it('requests for token paths that match no route are logged without the token', async () => {
    const share = token('Sh4re');
    const offer = token('0ffer');
    expect((await api(p.wallet, 'GET', `/p/${share}/extra?t=${share}`)).status).toBe(404);
    expect((await api(p.issuer, 'GET', `/oid4vci/offers/${offer}/extra`)).status).toBe(404);
    await expectLoggedWithout(p.wallet.output, [share], '/p/[redacted]/extra');
    await expectLoggedWithout(p.issuer.output, [offer], '"status":404');
  });
});

/** Waits until the failure was logged (`logged`, or a secret), then checks that no secret is in the log. */
async function expectLoggedWithout(output: () => string, secrets: string[], logged: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  const done = () => [logged, ...secrets].some((s) => output().includes(s));
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const log = output();
  for (const secret of secrets) expect(log).not.toContain(secret);
  expect(log).toContain(logged);
}

import { expect } from 'vitest';
import { call, type Answer, type CallOptions } from '../helpers/http.ts';
import { startService, type StartedService } from '../helpers/services.ts';

export const ADMIN = 'attack-test-admin-token';
const SECRET = 'attack-test-passport-secret-0123456789';

/**
 * The three services as separate processes that know each other only by URL, with an accredited
 * organization and a signed-in volunteer: what an attacker from outside would face.
 */
export interface Passport {
  issuer: StartedService;
  wallet: StartedService;
  verifier: StartedService;
  /** The organization's API key. */
  orgKey: string;
  /** The volunteer's session token (bearer, or the `passport_session` cookie). */
  session: string;
  stop(): Promise<void>;
}

export async function startPassport(env: Record<string, string> = {}): Promise<Passport> {
  const issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: ADMIN, PASSPORT_SECRET: SECRET, ...env } });
  const [wallet, verifier] = await Promise.all([
    startService('wallet', { env: { PASSPORT_SECRET: SECRET, ISSUER_URL: issuer.url, VERIFIER_URL: 'http://localhost:9', ...env } }),
    startService('verifier', { env: { ISSUER_URL: issuer.url, ...env } }),
  ]);
  const stop = async () => {
    await Promise.all([issuer.stop(), wallet.stop(), verifier.stop()]);
  };
  try {
    const org = await call(issuer.url, 'POST', '/v1/organizations', {
      token: ADMIN,
      body: { id: 'eco-qyran', name: { kk: 'Эко Қыран', ru: 'Эко Кыран', en: 'Eco Qyran' }, region: 'KZ-55' },
    });
    if (org.status !== 201) throw new Error(`accrediting answered ${org.status}: ${org.text}`);
    const login = { login: 'attacked', password: 'a long passphrase 1' };
    const account = await call(wallet.url, 'POST', '/v1/accounts', { body: login });
    if (account.status !== 201) throw new Error(`sign-up answered ${account.status}: ${account.text}`);
    const session = await call(wallet.url, 'POST', '/v1/sessions', { body: login });
    if (session.status !== 200) throw new Error(`sign-in answered ${session.status}: ${session.text}`);
    return { issuer, wallet, verifier, orgKey: org.body.apiKey, session: session.body.token, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

export function api<T = any>(service: StartedService, method: string, path: string, options?: CallOptions): Promise<Answer<T>> {
  return call<T>(service.url, method, path, options);
}

/** A 4xx answered as RFC 9457 problem details with a stable code (OAuth routes add `error` to the same body). */
export function expectProblem(res: Answer, status?: number, code?: string): void {
  const where = `${res.status} ${res.text.slice(0, 300)}`;
  expect(res.status, where).toBeGreaterThanOrEqual(400);
  expect(res.status, where).toBeLessThan(500);
  if (status !== undefined) expect(res.status, where).toBe(status);
  expect(res.headers.get('content-type') ?? '', where).toMatch(/^application\/(problem\+)?json/);
  expect(res.body, where).toMatchObject({ type: expect.any(String), title: expect.any(String), status: res.status, code: expect.any(String) });
  if (code !== undefined) expect(res.body.code, where).toBe(code);
}

import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startService, type StartedService } from '../../helpers/services.ts';

import { SCREENSHOTS } from '../../helpers/screenshots.ts';

/** A phone: the viewport the pages are designed for first. */
export const PHONE = { width: 390, height: 844 };

export interface ActivityInput {
  name: { kk?: string; ru?: string; en?: string };
  category: string;
  hours: number;
  activityStartDate: string;
  activityEndDate: string;
  project?: string;
  role?: string;
}

export interface PassportServices {
  issuer: StartedService;
  wallet: StartedService;
  /** Started only when asked for (`startPassport({ verifier: true })`). */
  verifier: StartedService | undefined;
  /** The accredited organization's API key. */
  orgKey: string;
  /** Records a completed activity at the issuer and returns its `openid-credential-offer://` link. */
  offer(activity: ActivityInput): Promise<{ id: string; offerUri: string }>;
  /** Revokes the credential issued for an activity. */
  revoke(activityId: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real issuer with one accredited organization (through the registry's HTTP API, with a
 * registry token made here), a real wallet that trusts that issuer's registry and, when asked,
 * a real verifier that trusts it too.
 */
export async function startPassport(options: { verifier?: boolean } = {}): Promise<PassportServices> {
  const adminToken = `admin-${randomBytes(16).toString('hex')}`;
  const issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: adminToken } });
  const verifier = options.verifier ? await startService('verifier', { env: { ISSUER_URL: issuer.url } }) : undefined;
  const wallet = await startService('wallet', {
    env: { ISSUER_URL: issuer.url, WALLET_CACHE_SECONDS: '0', ...(verifier ? { VERIFIER_URL: verifier.url } : {}) },
  });
  const organization = await call(issuer.url, 'POST', '/v1/organizations', adminToken, {
    id: 'eco-qyran',
    name: { kk: 'Эко Қыран', ru: 'Эко Кыран', en: 'Eco Qyran' },
    region: 'KZ-55',
  });
  const orgKey = String(organization.apiKey);
  return {
    issuer,
    wallet,
    verifier,
    orgKey,
    async offer(activity) {
      const recorded = await call(issuer.url, 'POST', '/v1/activities', orgKey, {
        volunteer: { name: 'Dana Example' },
        activity: { region: 'KZ-55', confirmedBy: 'Coordinator, Pavlodar front office', ...activity },
      });
      return { id: String(recorded.id), offerUri: String(recorded.offerUri) };
    },
    async revoke(activityId) {
      await call(issuer.url, 'POST', `/v1/credentials/${encodeURIComponent(activityId)}/revoke`, orgKey, { reason: 'recorded by mistake' });
    },
    async stop() {
      await Promise.all([wallet.stop(), issuer.stop(), verifier?.stop()]);
    },
  };
}

async function call(base: string, method: string, path: string, token: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(answer)}`);
  return answer;
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: resolve(SCREENSHOTS, `wallet-${name}.png`), fullPage });
}

/** A login and password that pass the wallet's rules, fresh for each test. */
export function newVolunteer(): { login: string; password: string } {
  return { login: `dana.${randomBytes(4).toString('hex')}`, password: `pw-${randomBytes(9).toString('base64url')}` };
}

/** Creates the account through the wallet's API (for tests whose subject is not signing up). */
export async function createAccount(wallet: StartedService, volunteer: { login: string; password: string }): Promise<void> {
  const res = await fetch(`${wallet.url}/v1/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(volunteer) });
  if (res.status !== 201) throw new Error(`POST /v1/accounts → ${res.status}: ${await res.text()}`);
}

/** Claims an offer through the wallet's JSON API (for tests whose subject comes after claiming). */
export async function claimThroughApi(wallet: StartedService, volunteer: { login: string; password: string }, offerUri: string): Promise<void> {
  const session = await fetch(`${wallet.url}/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(volunteer) });
  const { token } = (await session.json()) as { token: string };
  const res = await fetch(`${wallet.url}/v1/credentials/claim`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ offerUri }),
  });
  if (res.status !== 201) throw new Error(`POST /v1/credentials/claim → ${res.status}: ${await res.text()}`);
}

/** Signs in through the page's form and waits for the signed-in page. */
export async function signInThroughPage(page: Page, volunteer: { login: string; password: string }): Promise<void> {
  await page.locator('#signin-login').fill(volunteer.login);
  await page.locator('#signin-password').fill(volunteer.password);
  await page.locator('#signin-form button[type="submit"]').click();
  await page.locator('#wallet-page').waitFor({ state: 'visible' });
}

/** The sentence of the page's error message, without its hidden "details" (the API's own words). */
export async function alertSentence(page: Page, selector = '#notice [role="alert"]'): Promise<string> {
  const alert = page.locator(selector);
  await alert.waitFor({ state: 'visible' });
  return alert.evaluate((node) => Array.from(node.childNodes).filter((child) => child.nodeType === Node.TEXT_NODE).map((child) => child.textContent).join(''));
}

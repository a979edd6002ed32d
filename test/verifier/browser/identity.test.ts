import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../helpers/browser.ts';
import { iinFor } from '../../helpers/iin.ts';
import { SCREENSHOTS } from '../../helpers/screenshots.ts';
import { freePort, startService, type StartedService } from '../../helpers/services.ts';
import { activity, Passport, type Organization, type Volunteer } from '../../wallet/api/setup.ts';

const PHONE = { width: 390, height: 844 };
const IIN = iinFor('99010130012');

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * The employer types the candidate's IIN on the verifier's page, the volunteer sees on the
 * wallet's page exactly what will be disclosed and to whom, and the employer's page says whether
 * the IIN matches: in Debian's Chromium at phone size, in Kazakh and Russian, against real services.
 */
describe('the IIN on the verifier and wallet pages', () => {
  let passport: Passport;
  let verifier: StartedService;
  let org: Organization;
  let dana: Volunteer;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    passport = await Passport.start({ VERIFIER_URL: `http://localhost:${port}` });
    verifier = await startService('verifier', { port, env: { ISSUER_URL: passport.issuer.url, VERIFIER_CACHE_SECONDS: '0' } });
    org = await passport.accredit('eco-qyran');
    dana = await passport.volunteer(`dana.${Date.now()}`);
    const recorded = await passport.issuerApi('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name: 'Дана Серікқызы', iin: IIN }, activity: activity() } });
    expect((await passport.claim(dana, recorded.body.offerUri)).status).toBe(201);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([passport?.stop(), verifier?.stop()]);
  });

  /** The employer's page: a request for the IIN typed in the form; answers the page and its request link. */
  async function employerAsks(lang: 'kk' | 'ru', iin: string): Promise<{ page: Page; requestUri: string }> {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${verifier.url}/requests/new?lang=${lang}`);
    await page.locator('#iin').fill(iin);
    await page.locator('#new-request button[type="submit"]').click();
    await page.waitForURL(/\/requests\/[A-Za-z0-9_-]+/);
    await page.locator('#iin-asked').waitFor();
    // The typed IIN is not on the page, nor in its address.
    expect(await page.content()).not.toContain(iin);
    expect(page.url()).not.toContain(iin);
    return { page, requestUri: await page.locator('#request-uri').inputValue() };
  }

  /** The volunteer's page: opens the request, checks what will be disclosed, and sends. */
  async function volunteerAnswers(lang: 'kk' | 'ru', requestUri: string, shot?: string): Promise<void> {
    const page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: lang === 'kk' ? 'kk-KZ' : 'ru-RU' });
    await page.goto(`${passport.wallet.url}/respond?lang=${lang}`);
    await page.locator('#signin-login').fill(dana.login);
    await page.locator('#signin-password').fill(dana.password);
    await page.locator('#signin-form button[type="submit"]').click();
    await page.locator('#wallet-page').waitFor({ state: 'visible' });
    await page.locator('#request-uri').fill(requestUri);
    await page.locator('#request-form button[type="submit"]').click();
    await page.locator('#disclosure').waitFor({ state: 'visible' });
    expect(await page.locator('#disclosure-claims dd[data-claim="name"]').textContent()).toBe('Дана Серікқызы');
    expect(await page.locator('#disclosure-claims dd[data-claim="iin"]').textContent()).toBe(IIN);
    expect(await page.locator('#disclosure-intro').textContent()).toContain(new URL(verifier.url).host);
    expect(await page.locator('#disclosure-claims').textContent()).toContain(lang === 'kk' ? 'ЖСН' : 'ИИН');
    if (shot) await screenshot(page, shot);
    await page.locator('#send-answer').click();
    await page.locator('#notice').filter({ hasText: lang === 'kk' ? 'Жіберілді' : 'Отправлено' }).waitFor();
    await page.close();
  }

  it('kk: the IIN matches', async () => {
    const { page, requestUri } = await employerAsks('kk', IIN);
    await volunteerAnswers('kk', requestUri, 'wallet-respond-iin-kk');
    await page.locator('#request[data-status="verified"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('#identity').getAttribute('data-matched')).toBe('true');
    expect(await page.locator('#identity').textContent()).toContain('✓ ЖСН сәйкес келеді');
    expect(await page.locator('#identity').textContent()).toContain('Дана Серікқызы');
    expect(await page.locator('#checks li[data-check="identity"]').getAttribute('data-outcome')).toBe('passed');
    expect(await page.content()).not.toContain(IIN);
    await screenshot(page, 'verifier-iin-kk');
    await page.close();
  });

  it('ru: the IIN matches', async () => {
    const { page, requestUri } = await employerAsks('ru', IIN);
    await volunteerAnswers('ru', requestUri, 'wallet-respond-iin-ru');
    await page.locator('#request[data-status="verified"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('#identity').textContent()).toContain('✓ ИИН совпадает');
    await screenshot(page, 'verifier-iin-ru');
    await page.close();
  });

  it('ru: another IIN does not match, and the page says so first', async () => {
    const { page, requestUri } = await employerAsks('ru', iinFor('88020240023'));
    await volunteerAnswers('ru', requestUri);
    await page.locator('#request[data-status="failed"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('#identity').getAttribute('data-matched')).toBe('false');
    expect(await page.locator('#identity').textContent()).toContain('✗ ИИН не совпадает');
    expect(await page.locator('#identity').textContent()).toContain('отличается от введённого вами');
    expect(await page.locator('#checks li[data-check="identity"]').textContent()).toContain('ИИН не совпадает');
    await screenshot(page, 'verifier-iin-mismatch-ru');
    await page.close();
  });

  it('kk: an IIN with a wrong check digit is refused in Kazakh and not repeated', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${verifier.url}/requests/new?lang=kk`);
    const wrong = `${IIN.slice(0, 11)}${(Number(IIN[11]) + 1) % 10}`;
    await page.locator('#iin').fill(wrong);
    await page.locator('#new-request button[type="submit"]').click();
    await page.locator('#problem').waitFor();
    expect(await page.locator('#problem').textContent()).toContain('ЖСН 12 саннан тұрады');
    expect(await page.content()).not.toContain(wrong);
    await page.close();
  });
});

import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EN } from '../../../issuer/console/texts/en.ts';
import { DASHBOARD_TEXTS } from '../../../issuer/dashboard/texts.ts';
import { REGIONS } from '../../../shared/credential/index.ts';
import { CONSOLE_TEXTS } from '../../../issuer/console/texts/messages.ts';
import { launchBrowser, watchPageErrors } from '../../helpers/browser.ts';
import { call } from '../../helpers/http.ts';
import { SCREENSHOTS } from '../../helpers/screenshots.ts';
import { startService, type StartedService } from '../../helpers/services.ts';

/**
 * The console in Debian's Chromium at phone size, in Kazakh and in Russian: the registry opens a
 * front office and invites its admin; that admin accepts, accredits an organization (a BIN with
 * a wrong check digit refused in the page's language first) and suspends it with a reason; the
 * organization's admin accepts and makes an API key. Screenshots go to docs/screenshots/console-*.
 */
const PHONE = { width: 390, height: 844 };
const ADMIN = 'registry-admin-token-console-browser';
const PASSWORD = 'console password 1';
const LANGS = [
  { lang: 'kk', locale: 'kk-KZ', region: 'KZ-55', office: 'fo-pavlodar', organization: 'eco-qyran', names: { kk: 'Эко Қыран', ru: 'Эко Кыран', en: 'Eco Qyran' } },
  { lang: 'ru', locale: 'ru-RU', region: 'KZ-71', office: 'fo-astana', organization: 'zhasyl-el', names: { kk: 'Жасыл ел', ru: 'Жасыл ел', en: 'Zhasyl El' } },
] as const;

/** English sentences of the console that must never show on a Kazakh or Russian page, nor the API's English details. */
const ENGLISH = Object.entries(EN)
  .filter(([key, text]) => text.length >= 4 && !text.includes('{') && text !== CONSOLE_TEXTS.kk[key as keyof typeof EN] && text !== CONSOLE_TEXTS.ru[key as keyof typeof EN])
  .map(([, text]) => text);
const API_ENGLISH = /must be|is required|Only an admin|not valid|wrong check digit|Sign in first/;

let issuer: StartedService;
let browser: Browser;
const pageErrors: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: ADMIN, PASSPORT_SECRET: 'console-browser-secret-0123456789abcdef' } });
  const invited = await call(issuer.url, 'POST', '/v1/staff/invitations', { token: ADMIN, body: { unit: 'registry', role: 'admin', name: 'Айгерім Сәрсенова' } });
  const token = new URL(invited.body.invitationUrl).hash.slice(1);
  expect((await call(issuer.url, 'POST', `/v1/staff/invitations/${token}/accept`, { body: { login: 'aigerim@registry.kz', password: PASSWORD } })).status).toBe(201);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await issuer?.stop();
});

async function phone(locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale });
  contexts.push(context);
  const page = await context.newPage();
  watchPageErrors(page, pageErrors);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SCREENSHOTS, `console-${name}.png`), fullPage: true });
}

/** Nothing English on the page: none of the console's English sentences, none of the API's details. */
async function noEnglish(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  for (const sentence of ENGLISH) expect(text, `English on ${page.url()}`).not.toContain(sentence);
  expect(text).not.toMatch(API_ENGLISH);
}

/** Nothing wider than the phone: no text or control cut off at the right edge. */
async function fitsThePhone(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

async function check(page: Page, name: string): Promise<void> {
  await noEnglish(page);
  await fitsThePhone(page);
  await shot(page, name);
}

describe.each(LANGS)('the console in $lang', ({ lang, locale, region, office, organization, names }) => {
  const t = CONSOLE_TEXTS[lang];
  let officeLink = '';
  let organizationLink = '';

  it('the registry opens a front office and invites its admin', async () => {
    const page = await phone(locale);
    await page.goto(`${issuer.url}/?lang=${lang}`);
    await page.locator('#signin-form').waitFor();
    expect(await page.locator('h1').textContent()).toBe(t.signInTitle);
    await page.locator('#signin-login').fill('aigerim@registry.kz');
    await page.locator('#signin-password').fill('not the password');
    await page.locator('#signin-form button[type="submit"]').click();
    await expect.poll(() => page.locator('#signin-form [role="alert"]').textContent()).toBe(t.signInFailed);
    await check(page, `sign-in-${lang}`);
    await page.locator('#signin-password').fill(PASSWORD);
    await page.locator('#signin-form button[type="submit"]').click();
    await page.waitForURL(`${issuer.url}/front-offices`);

    await page.locator('#fo-region').selectOption(region);
    await page.locator('#fo-id').fill(office);
    await page.locator('#fo-name-kk').fill(`${office} фронт-офисі`);
    await page.locator('#fo-name-ru').fill(`Фронт-офис ${office}`);
    await page.locator('#fo-name-en').fill(`${office} front office`);
    await page.locator('#front-office-form button[type="submit"]').click();
    const apiKey = await page.locator('#front-office-result input.secret').inputValue();
    expect(apiKey).toMatch(/^vp_fo_/);
    await expect.poll(() => page.locator(`#front-offices [data-front-office="${office}"]`).count()).toBe(1);
    await check(page, `front-offices-${lang}`);

    await page.locator('#front-office-result a.button').click();
    await page.waitForURL(`${issuer.url}/front-offices/${office}`);
    await page.locator('#invite-name').fill(lang === 'kk' ? 'Бекзат Омаров' : 'Анна Ким');
    await page.locator('#invite-email').fill(`admin@${office}.kz`);
    await page.locator('#invite-form button[type="submit"]').click();
    officeLink = await page.locator('#invite-result input.secret').inputValue();
    expect(officeLink).toContain(`${issuer.url}/invitation#vp_invite_`);
    await expect.poll(() => page.locator('#people-list [data-person]').count()).toBe(1);
    await check(page, `invite-${lang}`);
  });

  it('the front office’s admin accepts, accredits an organization and suspends it with a reason', async () => {
    const page = await phone(locale);
    await page.goto(officeLink);
    await expect.poll(() => page.locator('#invitation-for').textContent()).toContain(t['role.admin']);
    expect(await page.locator('#accept-login').inputValue()).toBe(`admin@${office}.kz`);
    await page.locator('#accept-password').fill(PASSWORD);
    await page.locator('#accept-repeat').fill(PASSWORD);
    await check(page, `invitation-${lang}`);
    await page.locator('#accept-form button[type="submit"]').click();
    await page.waitForURL(`${issuer.url}/organizations`);
    expect(page.url()).not.toContain('#');

    await page.locator('a[href="/organizations/new"]').click();
    await page.locator('#org-id').fill(organization);
    await page.locator('#org-name-kk').fill(names.kk);
    await page.locator('#org-name-ru').fill(names.ru);
    await page.locator('#org-name-en').fill(names.en);
    expect(await page.locator('#org-region').inputValue()).toBe(region);
    await page.locator('#org-bin').fill('123456789012');
    await page.locator('#org-contact').fill('+7 701 234 56 78');
    await page.locator('#accredit-form button[type="submit"]').click();
    await expect.poll(() => page.locator('#accredit-form [role="alert"]').textContent()).toBe(t['error.invalid_request.bin']);
    expect(await page.locator('#org-bin').getAttribute('aria-invalid')).toBe('true');
    await check(page, `accredit-refused-${lang}`);

    await page.locator('#org-bin').fill('123456789013');
    await page.locator('#accredit-form button[type="submit"]').click();
    expect(await page.locator('#accredited input.secret').inputValue()).toMatch(/^vp_org_/);
    await check(page, `accredited-${lang}`);

    await page.locator('#accredited a.button').click();
    await page.waitForURL(`${issuer.url}/organizations/${organization}#people`);
    await page.locator('#profile dl').waitFor();
    await page.locator('#invite-name').fill(lang === 'kk' ? 'Дана Серікқызы' : 'Ольга Петрова');
    await page.locator('#invite-email').fill(`admin@${organization}.kz`);
    await page.locator('#invite-form button[type="submit"]').click();
    organizationLink = await page.locator('#invite-result input.secret').inputValue();

    await page.locator('#status-reason').fill(lang === 'kk' ? 'Есептер уақытында тапсырылмады' : 'Отчёты не сданы вовремя');
    await page.locator('#status-button').click();
    await page.locator('#status-confirm').waitFor({ state: 'visible' });
    expect(await page.locator('#status-question').textContent()).toContain(names[lang]);
    await check(page, `suspend-confirm-${lang}`);
    await page.locator('#status-yes').click();
    await page.locator('#profile .badge[data-status="suspended"]').waitFor();
    expect(await page.locator('#history').innerText()).toContain(lang === 'kk' ? 'Есептер уақытында тапсырылмады' : 'Отчёты не сданы вовремя');
    await check(page, `organization-${lang}`);

    await page.goto(`${issuer.url}/organizations?status=suspended`);
    await page.locator(`#organizations [data-organization="${organization}"]`).waitFor();
    await expect.poll(() => page.locator('#organizations [data-organization]').count()).toBe(1);
    await check(page, `organizations-${lang}`);

    await page.goto(`${issuer.url}/audit`);
    await page.locator('#audit [data-action="organization.suspended"]').waitFor();
    // The journal names the person who suspended, and what.
    const entry = await page.locator('#audit [data-action="organization.suspended"]').innerText();
    expect(entry).toContain(lang === 'kk' ? 'Бекзат Омаров' : 'Анна Ким');
    expect(entry).toContain(names[lang]);
    await check(page, `journal-${lang}`);
  });

  it('the organization’s admin accepts and creates an API key, shown once', async () => {
    const page = await phone(locale);
    await page.goto(organizationLink);
    await page.locator('#accept-password').fill(PASSWORD);
    await page.locator('#accept-repeat').fill(`${PASSWORD} typo`);
    await page.locator('#accept-form button[type="submit"]').click();
    await expect.poll(() => page.locator('#accept-form [role="alert"]').textContent()).toBe(t.passwordsDiffer);
    await page.locator('#accept-repeat').fill(PASSWORD);
    await page.locator('#accept-form button[type="submit"]').click();
    await page.waitForURL(`${issuer.url}/organizations/${organization}`);
    await page.locator('#profile .badge[data-status="suspended"]').waitFor();
    expect(await page.locator('#status-form').count()).toBe(0);

    await page.locator(`.console-nav a[href="/organizations/${organization}/keys"]`).click();
    await page.locator('#keys li.row').first().waitFor();
    await page.locator('#key-name').fill(lang === 'kk' ? 'Бухгалтерия' : 'Бухгалтерия');
    await page.locator('#key-form button[type="submit"]').click();
    const apiKey = await page.locator('#key-result input.secret').inputValue();
    expect(apiKey).toMatch(/^vp_org_/);
    await expect.poll(() => page.locator('#keys li.row').count()).toBe(2);
    expect(await page.locator('#keys').innerText()).toContain(t.keyNeverUsed);
    await check(page, `keys-${lang}`);

    expect((await call(issuer.url, 'GET', '/v1/activities', { token: apiKey })).status).toBe(200);
    await page.reload();
    await page.locator('#keys li.row').first().waitFor();
    expect(await page.locator('#keys .last-used').last().textContent()).not.toBe(t.keyNeverUsed);
    // Shown once: after the reload the secret is nowhere on the page.
    expect(await page.content()).not.toContain(apiKey);
  });
});

describe('the pages', () => {
  it('ran without script errors or CSP refusals', () => {
    expect(pageErrors).toEqual([]);
  });
});

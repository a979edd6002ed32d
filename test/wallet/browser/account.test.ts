import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.ts';
import { PHONE, alertSentence, newVolunteer, screenshot, startPassport, type PassportServices } from './passport-services.ts';

/**
 * The way back into a lost account, on a 390 px phone in Kazakh and Russian: sign-up shows the
 * recovery codes once, a code resets a forgotten password, the password is changed, the account
 * deleted; and an API refusal (claiming twice) reads in the page's language.
 */
const WORDS = {
  kk: { wrongCode: 'Логин немесе қалпына келтіру коды қате, не код бұрын пайдаланылған.', claimedTwice: 'Бұл ұсыныс бұрын алынған. Куәлік паспортыңызда бар.', wrongPassword: 'Қазіргі құпиясөз қате.' },
  ru: { wrongCode: 'Неверный логин или код восстановления, или код уже использован.', claimedTwice: 'Это предложение уже получено. Удостоверение уже в вашем паспорте.', wrongPassword: 'Текущий пароль неверен.' },
} as const;

let services: PassportServices;
let browser: Browser;

beforeAll(async () => {
  services = await startPassport();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await services?.stop();
});

describe.each(['kk', 'ru'] as const)('the account pages in %s', (lang) => {
  let page: Page;
  const volunteer = newVolunteer();
  let codes: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: lang === 'kk' ? 'kk-KZ' : 'ru-RU' });
    page = await context.newPage();
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('dialog', (dialog) => void dialog.accept());
  });

  async function noSideways(): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  }

  it('signs up and shows the recovery codes once, with an "I saved them" step', async () => {
    await page.goto(services.wallet.url + '/');
    await page.locator('#wallet-signin').waitFor({ state: 'visible' });
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    await page.locator('#signup-login').fill(volunteer.login);
    await page.locator('#signup-password').fill(volunteer.password);
    await page.locator('#signup-form button[type="submit"]').click();
    await page.locator('#wallet-codes').waitFor({ state: 'visible' });
    codes = await page.locator('#codes-list code').allTextContents();
    expect(codes).toHaveLength(10);
    await noSideways();
    expect(await page.locator('#codes-continue').isDisabled()).toBe(true);
    await page.locator('#codes-saved').check();
    await page.locator('#codes-continue').click();
    await page.locator('#wallet-page').waitFor({ state: 'visible' });
    // Not shown again.
    await page.reload();
    await page.locator('#wallet-page').waitFor({ state: 'visible' });
    expect(await page.locator('#wallet-codes').isVisible()).toBe(false);
  });

  it('says a claimed-twice offer in the page\'s language, the API\'s words behind "details"', async () => {
    const offer = await services.offer({ name: { kk: 'Ағаш отырғызу', ru: 'Посадка деревьев' }, category: 'ecology', hours: 4, activityStartDate: '2025-04-20', activityEndDate: '2025-04-20' });
    await page.goto(services.wallet.url + '/claim');
    await page.locator('#wallet-page').waitFor({ state: 'visible' });
    for (let i = 0; i < 2; i++) {
      await page.locator('#offer').fill(offer.offerUri);
      await page.locator('#claim-form button[type="submit"]').click();
      if (i === 0) await page.locator('#claimed').waitFor({ state: 'visible' });
    }
    expect(await alertSentence(page)).toBe(WORDS[lang].claimedTwice);
    expect(await page.locator('#notice [role="alert"]').innerText()).not.toContain('already been claimed');
    await page.locator('#notice [role="alert"] details summary').click();
    expect(await page.locator('#notice [role="alert"]').innerText()).toContain('already been claimed');
    if (lang === 'ru') await screenshot(page, 'error-details', false);
  });

  it('sets the profile name and changes the password', async () => {
    await page.goto(services.wallet.url + '/account');
    await page.locator('#wallet-page').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#codes-left').textContent()).toContain('10');
    await noSideways();
    await page.locator('#profile-name').fill('Дана Серікқызы');
    await page.locator('#profile-form button[type="submit"]').click();
    await page.locator('#notice [role="status"]').waitFor({ state: 'visible' });

    await page.locator('#current-password').fill('not the password at all');
    await page.locator('#new-password').fill(volunteer.password + '-new');
    await page.locator('#password-form button[type="submit"]').click();
    expect(await alertSentence(page)).toBe(WORDS[lang].wrongPassword);

    await page.locator('#current-password').fill(volunteer.password);
    await page.locator('#new-password').fill(volunteer.password + '-new');
    await page.locator('#password-form button[type="submit"]').click();
    await expect
      .poll(() => page.locator('#notice').innerText(), { timeout: 20_000 })
      .toBe(lang === 'kk' ? 'Құпиясөз өзгертілді. Басқа құрылғылардан шығарылдыңыз.' : 'Пароль изменён. На других устройствах выполнен выход.');
    volunteer.password += '-new';
    await page.reload();
    await page.locator('#wallet-page').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#profile-name').inputValue()).toBe('Дана Серікқызы');
    if (lang === 'kk') await screenshot(page, 'account');
  });

  it('recovers a forgotten password with a code, once', async () => {
    await page.locator('#sign-out').click();
    await page.locator('#wallet-signin').waitFor({ state: 'visible' });
    await page.locator('#recover summary').click();
    await page.locator('#recover-login').fill(volunteer.login);
    await page.locator('#recover-code').fill('aaaa-bbbb-cccc');
    await page.locator('#recover-password').fill('a brand new passphrase');
    await page.locator('#recover-form button[type="submit"]').click();
    expect(await alertSentence(page, '#signin-message [role="alert"]')).toBe(WORDS[lang].wrongCode);
    await noSideways();
    if (lang === 'ru') await screenshot(page, 'recover');

    await page.locator('#recover-code').fill(codes[0]!);
    await page.locator('#recover-form button[type="submit"]').click();
    await page.locator('#wallet-page').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#notice').textContent(), { timeout: 20_000 }).toContain('9');
    volunteer.password = 'a brand new passphrase';
  });

  it('deletes the account with the password as confirmation', async () => {
    await page.goto(services.wallet.url + '/account');
    await page.locator('#wallet-page').waitFor({ state: 'visible' });
    await page.locator('#delete-password').fill(volunteer.password);
    await page.locator('#delete-form button[type="submit"]').click();
    await page.locator('#wallet-signin').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#signin-message').textContent()).not.toBe('');
    const res = await fetch(`${services.wallet.url}/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(volunteer) });
    expect(res.status).toBe(401);
    expect(errors).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.ts';
import { startService, type StartedService } from '../../helpers/services.ts';
import { startMailbox, type TestMailbox } from '../../helpers/smtp.ts';
import { foreignWords } from '../../pages/visible-text.ts';
import { PHONE, createAccount, newVolunteer, screenshot, signInThroughPage } from './passport-services.ts';

/**
 * E-mail recovery as a volunteer lives it, on a 390 px phone in Kazakh and Russian, with a real
 * SMTP server: add an address on the account page, open the confirmation link from the e-mail,
 * sign out, "forgot password", open the reset link, set a new password, sign in with it.
 */
const WORDS = {
  kk: {
    sent: (email: string) => `${email} мекенжайына сілтеме жіберілді. Мекенжайды растау үшін оны ашыңыз.`,
    confirmed: (email: string) => `${email} мекенжайы расталды. Енді ол арқылы паспортқа кіруді қалпына келтіруге болады.`,
    forgotSent: 'Бұл мекенжай паспортқа тиесілі болса, сілтеме жіберілді. Поштаңызды және спам қалтасын тексеріңіз. Сілтеме 30 минут жарамды.',
    done: 'Жаңа құпиясөз қойылды. Енді онымен кіріңіз.',
    gone: 'Бұл сілтеме енді жарамсыз: ол пайдаланылған, мерзімі өткен немесе жаңасы жіберілген. Жаңа сілтеме сұраңыз.',
    subject: 'Волонтер паспорты: жаңа құпиясөз қою',
  },
  ru: {
    sent: (email: string) => `Ссылка отправлена на ${email}. Откройте её, чтобы подтвердить адрес.`,
    confirmed: (email: string) => `Адрес ${email} подтверждён. Теперь с его помощью можно восстановить доступ к паспорту.`,
    forgotSent: 'Если этот адрес принадлежит паспорту, ссылка уже в пути. Проверьте почту и папку «Спам». Ссылка действует 30 минут.',
    done: 'Новый пароль задан. Войдите с ним.',
    gone: 'Ссылка больше не действует: она уже использована, истекла или отправлена более новая. Запросите новую.',
    subject: 'Паспорт волонтёра: новый пароль',
  },
} as const;

let wallet: StartedService;
let mailbox: TestMailbox;
let browser: Browser;
let read = 0;

beforeAll(async () => {
  mailbox = await startMailbox();
  wallet = await startService('wallet', { env: { SMTP_URL: mailbox.url } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await wallet?.stop();
  await mailbox?.stop();
});

/** The link of the next e-mail, as the volunteer would tap it. */
async function nextLink(path: string): Promise<{ link: string; subject: string }> {
  const mail = (await mailbox.waitFor(read + 1))[read++]!;
  const link = new RegExp(`${wallet.url}${path}#token=[A-Za-z0-9_-]{43}`).exec(mail.text ?? '')?.[0];
  expect(link, mail.text).toBeTruthy();
  return { link: link!, subject: mail.subject ?? '' };
}

async function notice(page: Page): Promise<string> {
  const node = page.locator('#notice p');
  await node.waitFor({ state: 'visible' });
  return (await node.evaluate((p) => Array.from(p.childNodes).filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join(''))).trim();
}

async function looksRight(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(foreignWords(await page.locator('body').innerText())).toEqual([]);
}

describe.each(['kk', 'ru'] as const)('e-mail recovery in %s', (lang) => {
  const volunteer = newVolunteer();
  const email = `${volunteer.login}@mail.kz`;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    await createAccount(wallet, volunteer);
    context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: lang === 'kk' ? 'kk-KZ' : 'ru-RU' });
    page = await context.newPage();
    page.on('pageerror', (err) => errors.push(err.message));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('adds an address on the account page, confirmed by the link in the e-mail', async () => {
    await page.goto(wallet.url + '/account');
    await page.locator('#wallet-signin').waitFor({ state: 'visible' });
    await signInThroughPage(page, volunteer);
    await page.locator('#email-form').waitFor({ state: 'visible' });
    await page.locator('#email-address').fill(email);
    await page.locator('#email-password').fill(volunteer.password);
    await page.locator('#email-form button[type="submit"]').click();
    expect(await notice(page)).toBe(WORDS[lang].sent(email));
    await looksRight(page);
    await screenshot(page, `email-recovery-account-${lang}`);

    const { link } = await nextLink('/confirm-email');
    const confirm = await context.newPage();
    await confirm.goto(link);
    expect(await notice(confirm)).toBe(WORDS[lang].confirmed(email));
    // The used token leaves the address bar.
    expect(confirm.url()).not.toContain('token=');
    await looksRight(confirm);
    await confirm.close();
  });

  it('forgot password: the e-mailed link sets a new password, and the old session ends', async () => {
    // A second device that stays signed in with the old password.
    const other = await browser.newContext({ viewport: PHONE, locale: lang === 'kk' ? 'kk-KZ' : 'ru-RU' });
    const otherPage = await other.newPage();
    await otherPage.goto(wallet.url + '/');
    await signInThroughPage(otherPage, volunteer);

    await page.locator('#sign-out').click();
    await page.locator('#wallet-signin').waitFor({ state: 'visible' });
    await page.locator('#recover summary').click();
    await page.locator('#forgot-email-link').click();
    await page.locator('#forgot-form').waitFor({ state: 'visible' });
    await page.locator('#forgot-email').fill(email.toUpperCase());
    await page.locator('#forgot-form button[type="submit"]').click();
    expect(await notice(page)).toBe(WORDS[lang].forgotSent);
    await looksRight(page);
    await screenshot(page, `email-recovery-forgot-${lang}`);

    const { link, subject } = await nextLink('/reset-password');
    expect(subject).toBe(WORDS[lang].subject);
    await page.goto(link);
    await page.locator('#reset-form').waitFor({ state: 'visible' });
    await looksRight(page);
    const newPassword = `${volunteer.password}-new`;
    await page.locator('#reset-password').fill(newPassword);
    await page.locator('#reset-form button[type="submit"]').click();
    expect(await notice(page)).toBe(WORDS[lang].done);
    await screenshot(page, `email-recovery-reset-${lang}`);

    // The same link again, tapped a second time in the e-mail (a new tab): refused in the page's words.
    const again = await context.newPage();
    await again.goto(link);
    await again.locator('#reset-password').fill(`${newPassword}-again`);
    await again.locator('#reset-form button[type="submit"]').click();
    expect(await notice(again)).toBe(WORDS[lang].gone);
    await looksRight(again);
    await again.close();

    await otherPage.reload();
    await otherPage.locator('#wallet-signin').waitFor({ state: 'visible' });
    await other.close();

    await page.goto(wallet.url + '/');
    await signInThroughPage(page, { login: volunteer.login, password: newPassword });
    expect(errors).toEqual([]);
  });
});

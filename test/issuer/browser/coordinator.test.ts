import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_HEADERS } from '../../../issuer/activities/sheet/columns.ts';
import { CONSOLE_TEXTS } from '../../../issuer/console/texts/messages.ts';
import { CATEGORY_NAMES, REGIONS } from '../../../shared/credential/index.ts';
import { launchBrowser, watchPageErrors } from '../../helpers/browser.ts';
import { call } from '../../helpers/http.ts';
import { cardQr } from '../../helpers/pdf-qr.ts';
import { SCREENSHOTS } from '../../helpers/screenshots.ts';
import { startMailbox, type TestMailbox } from '../../helpers/smtp.ts';
import { freePort, startService, type StartedService } from '../../helpers/services.ts';
import { foreignWords } from '../../pages/visible-text.ts';

/**
 * The coordinator of an organization in Debian's Chromium, on a phone in Kazakh and on a desktop
 * in Russian: builds a spreadsheet from the downloaded template with exceljs, uploads it, reads
 * the preview (a row with too many hours refused in the page's language, naming its header and
 * cell), records, downloads the cards PDF, and a volunteer opens the QR decoded from the printed
 * card in the wallet and claims the credential. Then the list: the claimed credential revoked
 * after a confirm step that says it is irreversible, an unclaimed offer withdrawn; and one
 * activity recorded from the form. Screenshots go to docs/screenshots/coordinator-*.
 */
const ADMIN = 'registry-admin-token-coordinator-browser';
const SECRET = 'coordinator-browser-secret-0123456789abcdef';
const PASSWORD = 'coordinator password 1';
const ORG = 'zhas-orman';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const VIEWS = [
  { name: 'phone', viewport: { width: 390, height: 844 }, mobile: true, lang: 'kk', locale: 'kk-KZ', coordinator: 'Әсел Нұрланқызы', people: ['Айгерім Сәрсенова', 'Бекзат Омаров', 'Дана Серікқызы'] },
  { name: 'desktop', viewport: { width: 1366, height: 900 }, mobile: false, lang: 'ru', locale: 'ru-RU', coordinator: 'Марина Лим', people: ['Анна Ким', 'Ольга Петрова', 'Ержан Ахметов'] },
] as const;

let issuer: StartedService;
let wallet: StartedService;
let browser: Browser;
let apiKey = '';
let mailbox: TestMailbox;
const pageErrors: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const walletPort = await freePort();
  const walletUrl = `http://localhost:${walletPort}`;
  mailbox = await startMailbox();
  issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: ADMIN, PASSPORT_SECRET: SECRET, WALLET_URL: walletUrl, SMTP_URL: mailbox.url } });
  wallet = await startService('wallet', { port: walletPort, env: { PASSPORT_SECRET: SECRET, ISSUER_URL: issuer.url, WALLET_CACHE_SECONDS: '0', VERIFIER_URL: 'http://localhost:9' } });
  const org = await call(issuer.url, 'POST', '/v1/organizations', { token: ADMIN, body: { id: ORG, name: { kk: 'Жас орман', ru: 'Жас орман', en: 'Zhas Orman' }, region: 'KZ-55' } });
  expect(org.status).toBe(201);
  apiKey = org.body.apiKey;
  for (const name of ['Жас ағаш', 'Таза өзен']) expect((await call(issuer.url, 'POST', '/v1/projects', { token: apiKey, body: { name } })).status).toBe(201);
  for (const view of VIEWS) {
    const invited = await call(issuer.url, 'POST', '/v1/staff/invitations', { token: ADMIN, body: { unit: `organization:${ORG}`, role: 'member', name: view.coordinator } });
    const token = new URL(invited.body.invitationUrl).hash.slice(1);
    expect((await call(issuer.url, 'POST', `/v1/staff/invitations/${token}/accept`, { body: { login: `${view.name}@zhas-orman.kz`, password: PASSWORD } })).status).toBe(201);
    expect((await call(wallet.url, 'POST', '/v1/accounts', { body: { login: `volunteer-${view.name}`, password: PASSWORD } })).status).toBe(201);
  }
  const invited = await call(issuer.url, 'POST', '/v1/staff/invitations', { token: ADMIN, body: { unit: `organization:${ORG}`, role: 'admin', name: 'Гүлнар Әбенова' } });
  const token = new URL(invited.body.invitationUrl).hash.slice(1);
  expect((await call(issuer.url, 'POST', `/v1/staff/invitations/${token}/accept`, { body: { login: 'admin@zhas-orman.kz', password: PASSWORD } })).status).toBe(201);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await Promise.all([wallet?.stop(), issuer?.stop()]);
  await mailbox?.stop();
});

async function open(view: (typeof VIEWS)[number]): Promise<Page> {
  const context = await browser.newContext({ viewport: view.viewport, deviceScaleFactor: 1, isMobile: view.mobile, hasTouch: view.mobile, locale: view.locale, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  watchPageErrors(page, pageErrors);
  return page;
}

/** No English word on a kk or ru page, and nothing wider than the window. */
async function check(page: Page, lang: string, name: string): Promise<void> {
  const { text, scrollWidth, clientWidth } = await page.evaluate(() => ({ text: document.body.innerText, scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  if (lang !== 'en') expect(foreignWords(text), `English on ${page.url()}`).toEqual([]);
  expect(scrollWidth, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(clientWidth);
  await page.screenshot({ path: resolve(SCREENSHOTS, `coordinator-${name}.png`), fullPage: true });
}

/** The template of the page's language, filled with the view's volunteers; the last works 30 hours in one day. */
async function spreadsheet(lang: 'kk' | 'ru', people: readonly string[]): Promise<Buffer> {
  const template = await call(issuer.url, 'GET', `/v1/activities/template.xlsx?lang=${lang}`, { token: apiKey });
  expect(template.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const headers = COLUMN_HEADERS[lang];
  const column = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, n) => column.set(String(cell.value), n));
  const set = (row: number, key: keyof typeof headers, value: ExcelJS.CellValue) => {
    sheet.getRow(row).getCell(column.get(headers[key])!).value = value;
  };
  people.forEach((person, i) => {
    const row = i + 2;
    set(row, 'volunteer_name', person);
    set(row, 'volunteer_email', null);
    set(row, 'volunteer_language', lang);
    set(row, 'name_kk', 'Саябақта ағаш отырғызу');
    set(row, 'name_ru', 'Посадка деревьев в парке');
    set(row, 'name_en', null);
    set(row, 'project', 'Жас ағаш');
    set(row, 'category', CATEGORY_NAMES[lang].ecology);
    set(row, 'region', REGIONS.find((r) => r.code === 'KZ-55')![lang]);
    set(row, 'start_date', new Date(Date.UTC(2026, 8, 12 + i)));
    set(row, 'end_date', new Date(Date.UTC(2026, 8, 12 + i)));
    set(row, 'hours', i === people.length - 1 ? 30 : 4.5);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function firstPage(pdf: Buffer): PNG {
  const dir = mkdtempSync(join(tmpdir(), 'coordinator-cards-'));
  try {
    writeFileSync(join(dir, 'cards.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', join(dir, 'cards.pdf'), join(dir, 'page')]);
    return PNG.sync.read(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.png'))!)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(VIEWS)('the coordinator on a $name', (view) => {
  const t = CONSOLE_TEXTS[view.lang];
  let page: Page;
  let uploadId = '';
  let claimUrl = '';

  it('signs in, uploads a template-made spreadsheet, reads the preview and records', async () => {
    page = await open(view);
    await page.goto(`${issuer.url}/activities/upload?lang=${view.lang}`);
    await page.locator('#signin-login').fill(`${view.name}@zhas-orman.kz`);
    await page.locator('#signin-password').fill(PASSWORD);
    await page.locator('#signin-form button[type="submit"]').click();
    await page.locator('#upload-form').waitFor();
    expect(await page.locator('h1').textContent()).toBe(t['coord.uploadTitle']);
    expect(await page.locator(`#templates a[data-template="xlsx-${view.lang}"]`).getAttribute('href')).toBe(`/v1/activities/template.xlsx?lang=${view.lang}`);

    const file = await spreadsheet(view.lang, view.people);
    await page.locator('#upload-file').setInputFiles({ name: 'волонтерлер.xlsx', mimeType: XLSX, buffer: file });
    await page.locator('#upload-check').click();
    await page.locator('#preview').waitFor({ state: 'visible' });
    expect(await page.locator('#totals [data-total="rows"] dd').textContent()).toBe('3');
    expect(await page.locator('#totals [data-total="ready"] dd').textContent()).toBe('2');
    expect(await page.locator('#totals [data-total="problems"] dd').textContent()).toBe('1');
    expect(await page.locator('#totals [data-total="volunteers"] dd').textContent()).toBe('2');
    expect((await page.locator('#totals [data-total="hours"] dd').textContent())!.replace(/\s/g, ' ')).toBe(view.lang === 'kk' ? '9 сағ' : '9 ч');
    // The refused row says why in the page's language, with the header as the file has it and its cell.
    const refused = await page.locator('#preview-table tr[data-state="problem"] td.state').textContent();
    expect(refused).toContain(`«${COLUMN_HEADERS[view.lang].hours}»`);
    expect(refused).toMatch(/\b[A-Z]+4\b/);
    expect(refused).toContain(view.lang === 'kk' ? 'тәулігіне 24 сағаттан аспайды' : 'не более 24 в сутки');
    expect(await page.locator('#record-upload').textContent()).toBe(t['coord.recordN'].replace('{n}', '2'));
    await check(page, view.lang, `preview-${view.name}`);

    await page.locator('#record-upload').click();
    await page.locator('#upload-done').waitFor();
    expect(await page.locator('#upload-done').textContent()).toContain(t['coord.uploadDone'].replace('{n}', '2'));
    const cards = await page.locator('#upload-cards').getAttribute('href');
    uploadId = new URLSearchParams(cards!.split('?')[1]).get('upload')!;
    expect(uploadId).toMatch(/^[0-9a-f-]{36}$/);
    await check(page, view.lang, `recorded-${view.name}`);

    // The same file again: nothing is recorded twice.
    await page.goto(`${issuer.url}/activities/upload`);
    // The upload is listed among the earlier ones, with its list and its cards.
    const earlier = page.locator(`#uploads-list li[data-upload="${uploadId}"]`);
    await earlier.waitFor();
    // Newest first (the views share one organization, so the phone's upload is listed on the desktop too).
    expect(await page.locator('#uploads-list li').first().getAttribute('data-upload')).toBe(uploadId);
    expect(await page.locator('#uploads h2').textContent()).toBe(t['coord.earlierUploads']);
    expect(await earlier.innerText()).toContain(t['coord.uploadRows'].replace('{n}', '2').replace('{claimed}', '0'));
    expect(await earlier.locator('a').first().getAttribute('href')).toBe(`/activities?upload=${uploadId}`);
    await check(page, view.lang, `uploads-${view.name}`);
    await page.locator('#upload-file').setInputFiles({ name: 'қайта.xlsx', mimeType: XLSX, buffer: file });
    await page.locator('#upload-check').click();
    await page.locator('#preview').waitFor({ state: 'visible' });
    expect(await page.locator('#totals [data-total="before"] dd').textContent()).toBe('2');
    expect(await page.locator('#record-upload').isHidden()).toBe(true);
  });

  it('downloads the cards PDF; the volunteer scans a printed QR and claims the credential in the wallet', async () => {
    const pdf = await page.context().request.get(`${issuer.url}/v1/activities/cards.pdf?upload=${uploadId}&lang=${view.lang}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    claimUrl = cardQr(firstPage(await pdf.body()), 0, 0)!;
    expect(claimUrl.startsWith(`${wallet.url}/claim?offer=`)).toBe(true);

    const volunteer = await open(view);
    await volunteer.goto(`${wallet.url}/?lang=${view.lang}`);
    await volunteer.locator('#signin-login').fill(`volunteer-${view.name}`);
    await volunteer.locator('#signin-password').fill(PASSWORD);
    await volunteer.locator('#signin-form button[type="submit"]').click();
    await volunteer.locator('#wallet-page').waitFor({ state: 'visible' });
    await volunteer.goto(claimUrl);
    await volunteer.locator('#wallet-page').waitFor({ state: 'visible' });
    expect(await volunteer.locator('#offer').inputValue()).toBe(new URL(claimUrl).searchParams.get('offer'));
    await volunteer.locator('#claim-form button[type="submit"]').click();
    await expect.poll(() => volunteer.locator('#claimed').textContent(), { timeout: 20_000 }).toContain(view.lang === 'kk' ? 'Саябақта ағаш отырғызу' : 'Посадка деревьев в парке');
    await volunteer.goto(`${wallet.url}/`);
    await expect.poll(() => volunteer.locator('#credentials > li').count()).toBe(1);
    expect(await volunteer.locator('#credentials').innerText()).toContain(view.lang === 'kk' ? 'Жас орман' : 'Жас орман');
  });

  it('follows up in the list: the claimed credential revoked after an irreversible confirm, an offer withdrawn', async () => {
    await page.goto(`${issuer.url}/activities?upload=${uploadId}`);
    await page.locator('#activities li.activity').first().waitFor();
    await expect.poll(() => page.locator('#activities li.activity').count()).toBe(2);
    expect(await page.locator('#counts [data-count="found"]').textContent()).toBe(t['coord.found'].replace('{n}', '2'));
    const claimed = page.locator('#activities li.activity[data-status="claimed"]');
    const offered = page.locator('#activities li.activity[data-status="offered"]');
    await expect.poll(() => claimed.count()).toBe(1);
    expect(await page.locator('#export-xlsx').getAttribute('href')).toBe(`/v1/activities/export.xlsx?upload=${uploadId}`);
    await offered.locator('input.pick').check();
    expect(await page.locator('#cards-selected').getAttribute('href')).toContain(`ids=${await offered.getAttribute('data-activity')}`);
    await check(page, view.lang, `activities-${view.name}`);

    await claimed.locator('button.revoke').click();
    await claimed.locator('.revoke-form button[type="submit"]').click();
    await expect.poll(() => claimed.locator('.revoke-form [role="alert"]').textContent()).toBe(t['error.invalid_request.reason']);
    await claimed.locator('.revoke-form textarea').fill(view.lang === 'kk' ? 'Қате жазылды' : 'Записано по ошибке');
    await claimed.locator('.revoke-form button[type="submit"]').click();
    const question = await claimed.locator('.confirm[role="alertdialog"] p').textContent();
    expect(question).toContain(view.lang === 'kk' ? 'қайтарылмайды' : 'необратимо');
    await check(page, view.lang, `revoke-confirm-${view.name}`);
    await claimed.locator('.confirm[role="alertdialog"] button.danger').click();
    await page.locator('#activities li.activity[data-status="revoked"]').waitFor();

    // A volunteer who lost the card: the offer sent by e-mail, and the row says how it went.
    const name = await offered.locator('.volunteer').textContent();
    const address = `${view.name}@example.kz`;
    await offered.locator('button.send').click();
    await offered.locator('.send-form input[type="email"]').fill(address);
    await offered.locator('.send-form select.send-language').selectOption('en');
    await offered.locator('.send-form button[type="submit"]').click();
    await expect.poll(() => page.locator('.list-message').textContent()).toBe(t['coord.sent'].replace('{to}', address));
    const mail = (await mailbox.waitFor(VIEWS.indexOf(view) + 1)).find((m) => JSON.stringify(m.to).includes(address))!;
    expect(mail.text).toContain(name!);
    expect(mail.subject).toContain('Your volunteer work confirmed');
    await expect
      .poll(async () => {
        await page.reload();
        return offered.locator('[data-mail]').getAttribute('data-mail');
      }, { timeout: 20_000 })
      .toBe('sent');
    expect(await offered.locator('[data-mail]').textContent()).toContain(t['mail.sent'].split('{to}')[0]!);
    expect(await offered.locator('button.send').textContent()).toBe(t['coord.sendAgain']);

    await offered.locator('button.withdraw').click();
    await offered.locator('.confirm[role="alertdialog"] button.danger').click();
    await page.locator('#activities li.activity[data-status="withdrawn"]').waitFor();
    expect(await page.locator('.list-message').textContent()).toBe(t['coord.withdrawn'].replace('{name}', name!));
    const status = await call(issuer.url, 'GET', `/v1/activities?upload=${uploadId}&counts=true`, { token: apiKey });
    expect(status.body.counts).toMatchObject({ revoked: 1, withdrawn: 1, offered: 0 });
    await check(page, view.lang, `followed-up-${view.name}`);
  });

  it('records one activity from the form, a refusal worded in the page\'s language first', async () => {
    await page.goto(`${issuer.url}/activities/new`);
    await page.locator('#record-form').waitFor();
    await expect.poll(() => page.locator('#rec-project option').count()).toBe(3);
    await page.locator('#rec-name').fill(view.people[0]);
    await page.locator('#rec-name-kk').fill('Өзен жағасын тазалау');
    await page.locator('#rec-project').selectOption('Таза өзен');
    await page.locator('#rec-category').selectOption('ecology');
    await page.locator('#rec-start').fill('2026-10-03');
    await page.locator('#rec-end').fill('2026-10-03');
    await page.locator('#rec-hours').fill('25');
    await page.locator('#record-form button[type="submit"]').click();
    await expect.poll(() => page.locator('#record-form [role="alert"]').textContent()).toBe(t['error.invalid_request.too_many_hours']);
    await check(page, view.lang, `record-refused-${view.name}`);
    await page.locator('#rec-hours').fill('3,5');
    await page.locator('#record-form button[type="submit"]').click();
    await page.locator('#recorded a#recorded-card').waitFor();
    const link = await page.locator('#recorded-link').inputValue();
    expect(link.startsWith(`${wallet.url}/claim?offer=`)).toBe(true);
    await check(page, view.lang, `record-done-${view.name}`);
    const recorded = await call(issuer.url, 'GET', `/v1/activities?q=${encodeURIComponent(view.people[0])}&project=${encodeURIComponent('Таза өзен')}`, { token: apiKey });
    expect(recorded.body.items[0].activity).toMatchObject({ hours: 3.5, project: 'Таза өзен', region: 'KZ-55', activityStartDate: '2026-10-03' });

    await page.goto(`${issuer.url}/projects`);
    await page.locator('#projects [data-project="Жас ағаш"]').waitFor();
    // A member sees the projects; the admin changes them.
    expect(await page.locator('#project-form').count()).toBe(0);
    await check(page, view.lang, `projects-${view.name}`);
  });
});

describe('the organization\'s admin', () => {
  it('adds and removes projects and chooses the language of offer e-mails', async () => {
    const view = VIEWS[0];
    const t = CONSOLE_TEXTS[view.lang];
    const page = await open(view);
    await page.goto(`${issuer.url}/projects?lang=${view.lang}`);
    await page.locator('#signin-login').fill('admin@zhas-orman.kz');
    await page.locator('#signin-password').fill(PASSWORD);
    await page.locator('#signin-form button[type="submit"]').click();
    await page.locator('#project-form').waitFor();
    await page.locator('#project-name').fill('Көгалдандыру');
    await page.locator('#project-form button[type="submit"]').click();
    await page.locator('#projects [data-project="Көгалдандыру"]').waitFor();
    const gone = page.locator('#projects [data-project="Таза өзен"]');
    await gone.locator('button.danger').click();
    await gone.locator('.confirm button.danger').click();
    await expect.poll(() => gone.count()).toBe(0);
    expect(await page.locator('.list-message').textContent()).toBe(t['coord.projectRemoved'].replace('{name}', 'Таза өзен'));

    await expect.poll(() => page.locator('#mail-language-default').textContent()).toBe(t['coord.mailDeployment'].replace('{language}', t['language.kk']));
    await page.locator('#mail-language').selectOption('ru');
    await page.locator('#mail-form button[type="submit"]').click();
    await expect.poll(() => page.locator('#mail-form [role="status"]').textContent()).toBe(t['coord.saved']);
    await check(page, view.lang, 'projects-admin-phone');
    expect((await call(issuer.url, 'GET', '/v1/organization/settings', { token: apiKey })).body.mailLanguage).toBe('ru');
    const projects = await call(issuer.url, 'GET', '/v1/projects', { token: apiKey });
    expect(projects.body.projects.map((p: { name: string }) => p.name)).toEqual(['Жас ағаш', 'Көгалдандыру']);

    // The record form now names the organization's language as the e-mail's default.
    await page.goto(`${issuer.url}/activities/new`);
    await expect.poll(() => page.locator('#rec-language-default').textContent()).toBe(t['coord.mailLanguageDefault'].replace('{language}', t['language.ru']));
  });
});

describe('the pages', () => {
  it('ran without script errors or CSP refusals', () => {
    expect(pageErrors).toEqual([]);
  });
});

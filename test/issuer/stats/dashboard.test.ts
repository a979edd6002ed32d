import { screenshotPath } from '../../helpers/screenshots.ts';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGIONS } from '../../../shared/credential/index.ts';
import { launchBrowser } from '../../helpers/browser.ts';
import { startService, tempDataDir, type StartedService } from '../../helpers/services.ts';

/**
 * The dashboard in Debian's Chromium, on an issuer filled by `npm run seed`: every figure the page
 * shows (its tables, and the data inside each Chart.js chart) must be what `/v1/stats` answers
 * for the same key and filters.
 */
const ROOT = resolve(import.meta.dirname, '../../..');

const ADMIN = 'dashboard-test-admin-token';
const TABLES = ['byRegion', 'byMonth', 'byCategory', 'byOrganization', 'byProject'] as const;
const MEASURES = ['volunteers', 'organizations', 'activities', 'credentialsClaimed', 'credentialsRevoked', 'hours'] as const;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let issuer: StartedService;
let browser: Browser;
let almatyOffice: string;
let organizationKey: string;
let seedDir: string;

beforeAll(async () => {
  issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: ADMIN } });
  seedDir = tempDataDir('passport-dashboard-seed-');
  await promisify(execFile)(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'scripts/seed.ts'), '--issuer', issuer.url, '--volunteers', '150', '--organizations', '24', '--seed', 'dashboard', '--until', '2026-06-30'],
    { cwd: ROOT, env: { ...process.env, PASSPORT_ADMIN_TOKEN: ADMIN, DATA_DIR: seedDir }, timeout: 120_000 },
  );
  organizationKey = Object.values(JSON.parse(readFileSync(join(seedDir, 'seed-dashboard-keys.json'), 'utf8')).apiKeys as Record<string, string>)[0]!;
  const office = await fetch(`${issuer.url}/v1/front-offices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'fo-almaty-city', name: { kk: 'Алматы фронт-офисі', ru: 'Фронт-офис Алматы', en: 'Almaty front office' }, region: 'KZ-75' }),
  });
  almatyOffice = (await office.json()).apiKey;
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await issuer?.stop();
  if (seedDir && !process.env.KEEP_TEST_DATA) rmSync(seedDir, { recursive: true, force: true });
});

async function apiStats(token: string, query = ''): Promise<any> {
  const res = await fetch(`${issuer.url}/v1/stats${query}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res.json();
}

/**
 * A fresh browser tab (its own sessionStorage) that collects script errors, CSP violations and
 * failed requests of the page (the browser's own favicon request aside).
 */
async function newPage(viewport = PHONE): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(msg.text());
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !res.url().endsWith('/favicon.ico')) errors.push(`${res.status()} ${res.url()}`);
  });
  return { context, page, errors };
}

async function signIn(page: Page, key: string, lang = 'en'): Promise<void> {
  await page.goto(`${issuer.url}/dashboard?lang=${lang}`);
  await page.fill('#key', key);
  await page.click('#sign-in-form button[type=submit]');
  await figuresShown(page);
}

async function figuresShown(page: Page): Promise<void> {
  await page.waitForSelector('#figures:not([hidden]) #totals [data-measure="hours"][data-value]');
}

/** Every figure the page shows, read back from the DOM and from the Chart.js charts. */
async function shownFigures(page: Page): Promise<any> {
  return page.evaluate(
    ({ tables, measures }) => {
      const value = (el: Element) => {
        const raw = (el as HTMLElement).dataset.value!;
        return raw === '<5' ? raw : Number(raw);
      };
      const totals = Object.fromEntries(measures.map((m) => [m, value(document.querySelector(`#totals [data-measure="${m}"]`)!)]));
      const out: any = { totals, tables: {}, charts: {} };
      for (const name of tables) {
        out.tables[name] = Array.from(document.querySelectorAll(`table[data-table="${name}"] tbody tr`)).map((tr) => ({
          key: (tr as HTMLElement).dataset.key,
          label: tr.querySelector('th')!.textContent,
          ...Object.fromEntries(Array.from(tr.querySelectorAll('td')).map((td) => [(td as HTMLElement).dataset.measure, value(td)])),
        }));
        const chart = (window as any).Chart.getChart(document.querySelector(`canvas[data-chart="${name}"]`));
        out.charts[name] = { labels: chart.data.labels, hours: chart.data.datasets[0].data };
      }
      return out;
    },
    { tables: TABLES, measures: MEASURES },
  );
}

const KEY_OF: Record<(typeof TABLES)[number], (row: any) => string> = {
  byRegion: (r) => r.region,
  byMonth: (r) => r.month,
  byCategory: (r) => r.category,
  byOrganization: (r) => r.organization,
  byProject: (r) => r.project ?? '',
};

function expectSameFigures(shown: any, stats: any): void {
  expect(shown.totals).toEqual(Object.fromEntries(MEASURES.map((m) => [m, stats.totals[m]])));
  for (const name of TABLES) {
    const rows = name === 'byOrganization' ? stats[name].slice(0, 10) : stats[name];
    const expected = rows.map((r: any) => ({ key: KEY_OF[name](r), ...Object.fromEntries(MEASURES.map((m) => [m, r[m]])) }));
    expect(shown.tables[name].map(({ label: _label, ...row }: any) => row), name).toEqual(expected);
    expect(shown.charts[name].hours, `${name} chart`).toEqual(rows.map((r: any) => r.hours));
    expect(shown.charts[name].labels, `${name} chart labels`).toEqual(shown.tables[name].map((r: any) => r.label));
  }
}

describe('the dashboard signed in with the registry token', () => {
  it('shows the national figures of /v1/stats in its tables and charts', async () => {
    const { context, page, errors } = await newPage(DESKTOP);
    await signIn(page, ADMIN);
    const stats = await apiStats(ADMIN);
    expect(stats.totals.volunteers).toBeGreaterThan(100);
    expect(stats.byRegion.length).toBeGreaterThan(10);
    expectSameFigures(await shownFigures(page), stats);
    expect(await page.textContent('#scope')).toBe('National registry: all regions');
    expect(await page.locator('table[data-table="byRegion"] tbody th').first().textContent()).toBe(REGIONS.find((r) => r.code === stats.byRegion[0].region)!.en);
    await page.screenshot({ path: screenshotPath('dashboard-desktop.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the key in sessionStorage only and shows no figure before sign-in', async () => {
    const { context, page } = await newPage();
    await page.goto(`${issuer.url}/dashboard?lang=en`);
    expect(await page.isVisible('#figures')).toBe(false);
    expect(await page.locator('#totals [data-value]').count()).toBe(0);
    await page.fill('#key', ADMIN);
    await page.click('#sign-in-form button[type=submit]');
    await figuresShown(page);
    const stored = await page.evaluate(() => ({ session: JSON.stringify(sessionStorage), local: JSON.stringify(localStorage), cookie: document.cookie }));
    expect(stored.session).toContain(ADMIN);
    expect(stored.local).not.toContain(ADMIN);
    expect(stored.cookie).not.toContain(ADMIN);
    expect(await page.inputValue('#key')).toBe('');
    await page.click('#sign-out');
    expect(await page.isVisible('#sign-in')).toBe(true);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await context.close();
  });

  it('filters by region and dates with the figures of /v1/stats for the same filters', async () => {
    const { context, page, errors } = await newPage();
    await signIn(page, ADMIN);
    await page.selectOption('#filter-region', 'KZ-75');
    await page.fill('#filter-from', '2026-01-01');
    await page.fill('#filter-to', '2026-05-31');
    await page.click('#filters button[type=submit]');
    await page.waitForSelector('#figures[data-region="KZ-75"]');
    const stats = await apiStats(ADMIN, '?region=KZ-75&from=2026-01-01&to=2026-05-31');
    expect(stats.totals.activities).toBeGreaterThan(0);
    expectSameFigures(await shownFigures(page), stats);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches language, keeping the sign-in, with region and category names translated', async () => {
    const { context, page, errors } = await newPage();
    await signIn(page, ADMIN);
    const stats = await apiStats(ADMIN);
    await Promise.all([page.waitForURL(/lang=kk/), page.click('a[data-lang="kk"]')]);
    await figuresShown(page);
    expect(await page.textContent('h1')).toBe('Волонтерлік қызметті есепке алу');
    const kk = await shownFigures(page);
    expectSameFigures(kk, stats);
    expect(kk.tables.byRegion.map((r: any) => r.label)).toEqual(stats.byRegion.map((r: any) => REGIONS.find((x) => x.code === r.region)!.kk));
    expect(kk.tables.byCategory.map((r: any) => r.label)).toContain('Экология');
    await page.screenshot({ path: screenshotPath('dashboard-phone-kk.png'), fullPage: true });
    await Promise.all([page.waitForURL(/lang=ru/), page.click('a[data-lang="ru"]')]);
    await figuresShown(page);
    expect(await page.textContent('h1')).toBe('Учёт волонтёрской деятельности');
    expect((await shownFigures(page)).tables.byCategory.map((r: any) => r.label)).toContain('Социальная помощь');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads each table as CSV in UTF-8 with a byte order mark', async () => {
    const { context, page } = await newPage();
    await signIn(page, ADMIN, 'ru');
    const stats = await apiStats(ADMIN);
    for (const name of ['byRegion', 'byOrganization'] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-csv="${name}"]`)]);
      expect(download.suggestedFilename()).toBe(`volunteer-stats-${name}.csv`);
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
      // Every row, not only the ones the page's table shows.
      expect(lines.length).toBe(stats[name].length + 1);
      if (name === 'byRegion') {
        expect(lines[0]).toBe('region,Регион,Волонтёры,Организации,Мероприятия,Полученные удостоверения,Отозванные удостоверения,Часы');
        const first = stats.byRegion[0];
        const ru = REGIONS.find((r) => r.code === first.region)!.ru;
        expect(lines[1]).toBe([first.region, ru, ...MEASURES.map((m) => first[m])].join(','));
      }
    }
    await context.close();
  });
});

describe('the dashboard signed in with a front-office key', () => {
  it('shows that region only, with the figures /v1/stats gives that key', async () => {
    const { context, page, errors } = await newPage();
    await signIn(page, almatyOffice);
    const stats = await apiStats(almatyOffice);
    expect(stats.scope).toEqual({ kind: 'front_office', region: 'KZ-75' });
    const shown = await shownFigures(page);
    expectSameFigures(shown, stats);
    expect(shown.tables.byRegion.map((r: any) => r.key)).toEqual(['KZ-75']);
    expect(await page.textContent('#scope')).toBe('Front office: Almaty');
    expect(await page.isDisabled('#filter-region')).toBe(true);
    expect(await page.inputValue('#filter-region')).toBe('KZ-75');
    await page.screenshot({ path: screenshotPath('dashboard-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is refused to organization keys and unknown keys, with the reason shown', async () => {
    const { context, page } = await newPage();
    await page.goto(`${issuer.url}/dashboard?lang=en`);
    await page.fill('#key', organizationKey);
    await page.click('#sign-in-form button[type=submit]');
    await page.waitForSelector('#sign-in-error:not([hidden])');
    expect(await page.textContent('#sign-in-error')).toContain('Organization keys do not see statistics');
    await page.fill('#key', 'not-a-key');
    await page.click('#sign-in-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#sign-in-error')!.textContent === 'This key was not accepted.');
    expect(await page.isVisible('#figures')).toBe(false);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await context.close();
  });
});

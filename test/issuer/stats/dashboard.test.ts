import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGIONS } from '../../../shared/credential/index.ts';
import { launchBrowser } from '../../helpers/browser.ts';
import { screenshotPath } from '../../helpers/screenshots.ts';
import { startService, tempDataDir, type StartedService } from '../../helpers/services.ts';
import { cutTables, DESKTOP, expectSameFigures, figuresShown, MEASURES, monthsFrom, newPage, PHONE, scrollsSideways, shownFigures } from './dashboard-page.ts';

/**
 * The dashboard in Debian's Chromium, on an issuer filled by `npm run seed`: every figure the page
 * shows (its tables, the map's tiles, and the data inside each Chart.js chart) must be what
 * `/v1/stats` answers for the same key and filters.
 */
const ROOT = resolve(import.meta.dirname, '../../..');

const ADMIN = 'dashboard-test-admin-token';

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

async function signIn(page: Page, key: string, lang = 'en'): Promise<void> {
  await page.goto(`${issuer.url}/dashboard?lang=${lang}`);
  await page.fill('#key', key);
  await page.click('#sign-in-form button[type=submit]');
  await figuresShown(page);
}

/** Hours as the reader's language writes them (Node has the full CLDR data, Kazakh included). */
function hoursIn(lang: 'kk' | 'ru' | 'en', value: number): string {
  const unit = { kk: 'сағ', ru: 'ч', en: 'h' }[lang];
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value)} ${unit}`;
}

describe('the dashboard signed in with the registry token', () => {
  it('shows the national figures of /v1/stats in its tables, map and charts', async () => {
    const { context, page, errors } = await newPage(browser, DESKTOP);
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

  it('draws the map with one shape per region, coloured by hours or by volunteers', async () => {
    const { context, page, errors } = await newPage(browser, DESKTOP);
    await signIn(page, ADMIN);
    const stats = await apiStats(ADMIN);
    const tiles = await page.$$eval('#region-map [data-region]', (gs) => gs.map((g) => ({ region: (g as HTMLElement).dataset.region, shapes: g.querySelectorAll('.shape').length, kind: g.querySelector('.shape')!.tagName })));
    expect(tiles.map((t) => t.region).sort()).toEqual(REGIONS.map((r) => r.code).sort());
    expect(tiles.every((t) => t.shapes === 1)).toBe(true);
    expect(await page.locator('#region-map .shape').count()).toBe(20);
    // The three cities of republican significance are circles; the 17 regions, Abai, Jetisu and Ulytau included, squares.
    expect(tiles.filter((t) => t.kind === 'circle').map((t) => t.region).sort()).toEqual(['KZ-71', 'KZ-75', 'KZ-79']);
    const steps = async () => page.$$eval('#region-map [data-region]', (gs) => Object.fromEntries(gs.map((g) => [(g as HTMLElement).dataset.region, /step-(\d)/.exec(g.getAttribute('class')!)![1]])));
    // The region with the most hours is in the darkest step; one without work in none.
    const byHours = await steps();
    expect(byHours[stats.byRegion[0].region]).toBe('5');
    for (const region of REGIONS.filter((r) => !stats.byRegion.some((row: any) => row.region === r.code))) expect(byHours[region.code]).toBe('0');
    const shownValue = (region: string) => page.$eval(`#region-map [data-region="${region}"] text.value`, (t) => t.textContent);
    expect(await shownValue(stats.byRegion[0].region)).toBe(new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(stats.byRegion[0].hours));
    await page.check('input[name="measure"][value="volunteers"]');
    await page.waitForSelector('#region-map[data-measure="volunteers"]');
    const mostVolunteers = [...stats.byRegion].filter((r: any) => typeof r.volunteers === 'number').sort((a: any, b: any) => b.volunteers - a.volunteers)[0];
    expect((await steps())[mostVolunteers.region]).toBe('5');
    expect(await shownValue(mostVolunteers.region)).toBe(String(mostVolunteers.volunteers));
    const small = stats.byRegion.find((r: any) => r.volunteers === '<5');
    if (small) expect(await shownValue(small.region)).toBe('<5');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a region\'s figures when its tile is tapped on a phone, or pointed at on a desktop', async () => {
    const stats = await apiStats(ADMIN);
    const infoOf = (page: Page) =>
      page.$eval('#map-info', (info) => ({
        region: (info as HTMLElement).dataset.region,
        title: info.querySelector('h3')?.textContent,
        figures: Object.fromEntries(Array.from(info.querySelectorAll('dd')).map((dd) => [(dd as HTMLElement).dataset.measure, dd.textContent])),
      }));
    const phone = await newPage(browser, PHONE);
    await signIn(phone.page, ADMIN, 'kk');
    const almaty = stats.byRegion.find((r: any) => r.region === 'KZ-75');
    await phone.page.tap('#region-map [data-region="KZ-75"]');
    const tapped = await infoOf(phone.page);
    expect(tapped.region).toBe('KZ-75');
    expect(tapped.title).toBe('Алматы');
    expect(tapped.figures.hours).toBe(hoursIn('kk', almaty.hours));
    expect(tapped.figures.activities).toBe(String(almaty.activities));
    expect(tapped.figures.volunteers).toBe(String(almaty.volunteers));
    expect(await phone.page.getAttribute('#region-map [data-region="KZ-75"]', 'class')).toContain('selected');
    await phone.page.locator('.map-card').screenshot({ path: screenshotPath('dashboard-map-phone-kk.png') });
    expect(phone.errors).toEqual([]);
    await phone.context.close();

    const desktop = await newPage(browser, DESKTOP);
    await signIn(desktop.page, ADMIN, 'ru');
    const pavlodar = stats.byRegion.find((r: any) => r.region === 'KZ-55');
    await desktop.page.hover('#region-map [data-region="KZ-55"]');
    const pointed = await infoOf(desktop.page);
    expect(pointed).toMatchObject({ region: 'KZ-55', title: 'Павлодарская область' });
    expect(pointed.figures.hours).toBe(hoursIn('ru', pavlodar.hours));
    await desktop.context.close();
  });

  it('keeps the key in sessionStorage only and shows no figure before sign-in', async () => {
    const { context, page } = await newPage(browser);
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

  it('filters by region and dates with the figures of /v1/stats for the same filters, months continuous', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, ADMIN);
    await page.selectOption('#filter-region', 'KZ-75');
    // From a month before any work: the months without any show as zeros, none skipped.
    await page.fill('#filter-from', '2025-04-01');
    await page.fill('#filter-to', '2026-05-31');
    await page.click('#filters button[type=submit]');
    await page.waitForSelector('#figures[data-region="KZ-75"]');
    const stats = await apiStats(ADMIN, '?region=KZ-75&from=2025-04-01&to=2026-05-31');
    expect(stats.totals.activities).toBeGreaterThan(0);
    expect(stats.byMonth.length).toBeLessThan(14);
    const shown = await shownFigures(page);
    expectSameFigures(shown, stats);
    expect(shown.tables.byMonth.map((r: any) => r.key)).toEqual(monthsFrom('2025-04', '2026-05'));
    expect(shown.tables.byMonth[0]).toMatchObject({ key: '2025-04', label: 'April 2025', hours: 0, activities: 0 });
    expect(shown.charts.byMonth.hours).toHaveLength(14);
    // The chosen region is outlined on the map, and is the only one with figures.
    expect(await page.$$eval('#region-map .highlight', (gs) => gs.map((g) => (g as HTMLElement).dataset.region))).toEqual(['KZ-75']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches between work counted where it took place and where its organization is accredited', async () => {
    const { context, page, errors } = await newPage(browser, DESKTOP);
    await signIn(page, ADMIN);
    expect(await page.isChecked('input[name="by"][value="activity"]')).toBe(true);
    await page.check('input[name="by"][value="organization"]');
    await page.waitForSelector('#figures[data-by="organization"]');
    const byOrganization = await apiStats(ADMIN, '?by=organization');
    const byActivity = await apiStats(ADMIN);
    expect(byOrganization.byRegion).not.toEqual(byActivity.byRegion);
    expectSameFigures(await shownFigures(page), byOrganization);
    expect(await page.textContent('#attribution-note')).toContain('where its organization is accredited');
    // The choice stays across a reload of the tab.
    await page.reload();
    await page.waitForSelector('#figures[data-by="organization"]');
    expect(await page.isChecked('input[name="by"][value="organization"]')).toBe(true);
    await page.check('input[name="by"][value="activity"]');
    await page.waitForSelector('#figures[data-by="activity"]');
    expectSameFigures(await shownFigures(page), byActivity);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches language, keeping the sign-in, with names, hours and months in that language', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, ADMIN);
    const stats = await apiStats(ADMIN);
    expect(await page.textContent('#totals [data-measure="hours"]')).toBe(hoursIn('en', stats.totals.hours));
    await Promise.all([page.waitForURL(/lang=kk/), page.click('a[data-lang="kk"]')]);
    await figuresShown(page);
    expect(await page.textContent('h1')).toBe('Волонтерлік қызметті есепке алу');
    const kk = await shownFigures(page);
    expectSameFigures(kk, stats);
    expect(kk.tables.byRegion.map((r: any) => r.label)).toEqual(stats.byRegion.map((r: any) => REGIONS.find((x) => x.code === r.region)!.kk));
    expect(kk.tables.byCategory.map((r: any) => r.label)).toContain('Экология');
    expect(kk.tables.byMonth.find((r: any) => r.key === '2026-03').label).toBe('2026 ж. наурыз');
    expect(await page.textContent('#totals [data-measure="hours"]')).toBe(hoursIn('kk', stats.totals.hours));
    expect(await page.textContent('#totals [data-measure="hours"]')).toMatch(/^\d{1,3}(\u00a0\d{3})*(,\d+)? сағ$/);
    const firstRegionHours = await page.textContent('table[data-table="byRegion"] tbody tr:first-child td[data-measure="hours"]');
    expect(firstRegionHours).toBe(hoursIn('kk', stats.byRegion[0].hours));
    await page.screenshot({ path: screenshotPath('dashboard-phone-kk.png'), fullPage: true });
    await Promise.all([page.waitForURL(/lang=ru/), page.click('a[data-lang="ru"]')]);
    await figuresShown(page);
    expect(await page.textContent('h1')).toBe('Учёт волонтёрской деятельности');
    const ru = await shownFigures(page);
    expect(ru.tables.byCategory.map((r: any) => r.label)).toContain('Социальная помощь');
    expect(ru.tables.byMonth.find((r: any) => r.key === '2026-03').label).toBe('март 2026');
    expect(await page.textContent('#totals [data-measure="hours"]')).toBe(hoursIn('ru', stats.totals.hours));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('never scrolls sideways at 390 px or 1366 px in kk, ru and en, and its tables fit on a desktop', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const { context, page, errors } = await newPage(browser, viewport);
      await signIn(page, ADMIN, 'kk');
      for (const lang of ['kk', 'ru', 'en']) {
        // The key stays in the tab: another language shows the figures at once.
        await page.goto(`${issuer.url}/dashboard?lang=${lang}`);
        await figuresShown(page);
        expect(await scrollsSideways(page), `${lang} at ${viewport.width} px`).toBe(false);
        if (viewport === DESKTOP) {
          // Open every table, as a desk shows them: all its columns, Hours included, in view.
          expect(await page.locator('details.figures-table[open]').count()).toBe(5);
          expect(await cutTables(page), `${lang} at ${viewport.width} px`).toEqual([]);
          const hoursColumn = await page.locator('table[data-table="byOrganization"] tbody tr:first-child td[data-measure="hours"]').boundingBox();
          expect(hoursColumn!.x + hoursColumn!.width).toBeLessThanOrEqual(viewport.width);
        }
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('downloads each table as CSV in UTF-8 with a byte order mark', async () => {
    const { context, page } = await newPage(browser);
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
  it('shows that region only, highlighted on the map, with the figures /v1/stats gives that key', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, almatyOffice);
    const stats = await apiStats(almatyOffice);
    expect(stats.scope).toEqual({ kind: 'front_office', region: 'KZ-75' });
    const shown = await shownFigures(page);
    expectSameFigures(shown, stats);
    expect(shown.tables.byRegion.map((r: any) => r.key)).toEqual(['KZ-75']);
    expect(await page.textContent('#scope')).toBe('Front office: Almaty');
    expect(await page.isDisabled('#filter-region')).toBe(true);
    expect(await page.inputValue('#filter-region')).toBe('KZ-75');
    expect(await page.$$eval('#region-map .highlight', (gs) => gs.map((g) => (g as HTMLElement).dataset.region))).toEqual(['KZ-75']);
    expect(await page.textContent('#map-legend')).toContain('your region');
    // No region bar chart of one bar: the map, with its table, stands for the regions.
    expect(await page.locator('canvas[data-chart="byRegion"]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('dashboard-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches to the work of its own organizations wherever it was done', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, almatyOffice, 'ru');
    await page.check('input[name="by"][value="organization"]');
    await page.waitForSelector('#figures[data-by="organization"]');
    const stats = await apiStats(almatyOffice, '?by=organization');
    expect(stats.filters).toMatchObject({ region: 'KZ-75', by: 'organization' });
    expectSameFigures(await shownFigures(page), stats);
    expect(await page.$$eval('#region-map .highlight', (gs) => gs.map((g) => (g as HTMLElement).dataset.region))).toEqual(['KZ-75']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is refused to organization keys and unknown keys, with the reason shown', async () => {
    const { context, page } = await newPage(browser);
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

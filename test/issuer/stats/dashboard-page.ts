import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Reading the dashboard back in Chromium: every figure it shows (its tables, the map's tiles and
 * the data inside each Chart.js chart), to compare with what `/v1/stats` answers.
 */
export const TABLES = ['byRegion', 'byMonth', 'byCategory', 'byOrganization', 'byProject'] as const;
export const CHARTS = ['byMonth', 'byCategory', 'byOrganization', 'byProject'] as const;
export const MEASURES = ['volunteers', 'organizations', 'activities', 'credentialsClaimed', 'credentialsRevoked', 'hours'] as const;
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 768 };

/**
 * A fresh browser tab (its own sessionStorage) that collects script errors, CSP violations and
 * failed requests of the page (the browser's own favicon request aside). A phone has a touch screen.
 */
export async function newPage(browser: Browser, viewport = PHONE): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const phone = viewport.width < 700;
  const context = await browser.newContext({ viewport, acceptDownloads: true, hasTouch: phone, isMobile: phone });
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

export async function figuresShown(page: Page): Promise<void> {
  await page.waitForSelector('#figures:not([hidden]) #totals [data-measure="hours"][data-value]');
}

/** Every figure the page shows, read back from the DOM, the map and the Chart.js charts. */
export async function shownFigures(page: Page): Promise<any> {
  return page.evaluate(
    ({ tables, charts, measures }) => {
      const value = (raw: string | undefined) => (raw === '<5' ? raw : Number(raw));
      const totals = Object.fromEntries(measures.map((m) => [m, value((document.querySelector(`#totals [data-measure="${m}"]`) as HTMLElement).dataset.value)]));
      const out: any = { totals, tables: {}, charts: {}, map: {} };
      for (const name of tables) {
        out.tables[name] = Array.from(document.querySelectorAll(`table[data-table="${name}"] tbody tr`)).map((tr) => ({
          key: (tr as HTMLElement).dataset.key,
          label: tr.querySelector('th')!.textContent,
          ...Object.fromEntries(Array.from(tr.querySelectorAll('td')).map((td) => [(td as HTMLElement).dataset.measure, value((td as HTMLElement).dataset.value)])),
        }));
      }
      for (const name of charts) {
        const chart = (window as any).Chart.getChart(document.querySelector(`canvas[data-chart="${name}"]`));
        out.charts[name] = { labels: chart.data.labels, hours: chart.data.datasets[0].data };
      }
      for (const tile of Array.from(document.querySelectorAll('#region-map [data-region]')) as HTMLElement[]) {
        out.map[tile.dataset.region!] = { hours: value(tile.dataset.hours), volunteers: value(tile.dataset.volunteers) };
      }
      return out;
    },
    { tables: TABLES, charts: CHARTS, measures: MEASURES },
  );
}

const KEY_OF: Record<(typeof TABLES)[number], (row: any) => string> = {
  byRegion: (r) => r.region,
  byMonth: (r) => r.month,
  byCategory: (r) => r.category,
  byOrganization: (r) => r.organization,
  byProject: (r) => r.project ?? '',
};

/** The months from `first` to `last` (YYYY-MM), each one. */
export function monthsFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let y = Number(first.slice(0, 4)), m = Number(first.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= last; m === 12 ? (y++, (m = 1)) : m++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** The byMonth rows as the page must show them: every month of the range, zeros where none ended. */
export function continuousMonths(stats: any): any[] {
  const worked = stats.byMonth.map((r: any) => r.month).sort();
  if (worked.length === 0) return [];
  const first = stats.filters.from?.slice(0, 7) ?? worked[0];
  const last = stats.filters.to?.slice(0, 7) ?? worked.at(-1);
  const zero = Object.fromEntries(MEASURES.map((m) => [m, 0]));
  return monthsFrom(first, last).map((month) => stats.byMonth.find((r: any) => r.month === month) ?? { month, ...zero });
}

export function expectSameFigures(shown: any, stats: any): void {
  expect(shown.totals).toEqual(Object.fromEntries(MEASURES.map((m) => [m, stats.totals[m]])));
  for (const name of TABLES) {
    const rows = name === 'byOrganization' ? stats[name].slice(0, 10) : name === 'byMonth' ? continuousMonths(stats) : stats[name];
    const expected = rows.map((r: any) => ({ key: KEY_OF[name](r), ...Object.fromEntries(MEASURES.map((m) => [m, r[m]])) }));
    expect(shown.tables[name].map(({ label: _label, ...row }: any) => row), name).toEqual(expected);
    if (name === 'byRegion') continue;
    expect(shown.charts[name].hours, `${name} chart`).toEqual(rows.map((r: any) => r.hours));
    expect(shown.charts[name].labels, `${name} chart labels`).toEqual(shown.tables[name].map((r: any) => r.label));
  }
  // The map: one tile per region, each with its row's figures, zero where no work was counted.
  expect(Object.keys(shown.map)).toHaveLength(20);
  for (const [region, tile] of Object.entries(shown.map)) {
    const row = stats.byRegion.find((r: any) => r.region === region);
    expect(tile, region).toEqual({ hours: row?.hours ?? 0, volunteers: row?.volunteers ?? 0 });
  }
}

/** True when the page scrolls sideways: its content is wider than the window. */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth || document.body.scrollWidth > window.innerWidth);
}

/** The tables whose columns do not all fit in their card (they would have to be scrolled to). */
export async function cutTables(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (Array.from(document.querySelectorAll('.table-scroll')) as HTMLElement[])
      .filter((box) => box.scrollWidth > box.clientWidth + 1)
      .map((box) => box.querySelector('table')!.dataset.table!),
  );
}

import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/pages/index.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { freePort, startService, tempDataDir, type StartedService } from '../helpers/services.ts';
import { ADMIN, Passport, type Organization, type Volunteer } from '../wallet/api/setup.ts';
import { foreignWords, hourProblems, type Lang } from './visible-text.ts';

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 768 },
] as const;
const LANGS: Lang[] = ['kk', 'ru', 'en'];

/** Where the pages' pictures go: a temporary folder, to look at; the README's are made elsewhere. */
const PICTURES = process.env.ALL_PAGES_PICTURES ?? tempDataDir('passport-all-pages-');

/** Who looks: nobody signed in, Dana (a passport with credentials), a new volunteer, the registry's admin or an organization's coordinator in the console. */
type Visitor = 'out' | 'dana' | 'fresh' | 'staff' | 'coordinator';
const STAFF = { login: 'aigerim@registry.kz', password: 'console password 1' };

interface PageUnderTest {
  name: string;
  url: (lang: Lang) => string;
  /** Whose cookies the page is opened with; nobody's when absent. */
  as?: Visitor;
  /** Waits until the page's script has put its content in place. */
  ready: (page: Page) => Promise<unknown>;
  /** A total of hours the page shows, as the number it must show in each locale. */
  hours?: number;
}

/**
 * Every page of the three services, as a person sees it at 390 px and 1366 px in kk, ru and en:
 * nothing scrolls sideways, no English word on a Kazakh or Russian page (proper names and
 * identifiers aside, see visible-text.ts) and hours written as the reader's locale writes them.
 */
describe('every page, at phone and desktop size, in three languages', () => {
  let passport: Passport;
  let verifier: StartedService;
  let org: Organization;
  let dana: Volunteer;
  let fresh: Volunteer;
  let browser: Browser;
  const pages: PageUnderTest[] = [];

  beforeAll(async () => {
    const port = await freePort();
    passport = await Passport.start({ VERIFIER_URL: `http://localhost:${port}` });
    verifier = await startService('verifier', { port, env: { ISSUER_URL: passport.issuer.url, VERIFIER_CACHE_SECONDS: '0' } });
    org = await passport.accredit('eco-qyran');
    dana = await passport.volunteer(`dana.${Date.now()}`);
    fresh = await passport.volunteer(`nurlan.${Date.now()}`);
    // The console's pages: the registry's admin, a front office, and an invitation waiting to be accepted.
    const invited = await passport.issuerApi('POST', '/v1/staff/invitations', { token: ADMIN, body: { unit: 'registry', role: 'admin', name: 'Айгерім Сәрсенова' } });
    const token = new URL((invited.body as { invitationUrl: string }).invitationUrl).hash.slice(1);
    expect((await passport.issuerApi('POST', `/v1/staff/invitations/${token}/accept`, { body: STAFF })).status).toBe(201);
    const office = await passport.issuerApi('POST', '/v1/front-offices', { token: ADMIN, body: { id: 'fo-pavlodar', name: { kk: 'Павлодар фронт-офисі', ru: 'Фронт-офис Павлодара', en: 'Pavlodar front office' }, region: 'KZ-55' } });
    expect(office.status).toBe(201);
    const waitingInvitation = (await passport.issuerApi('POST', '/v1/staff/invitations', { token: ADMIN, body: { unit: 'front-office:fo-pavlodar', role: 'admin', name: 'Бекзат Омаров' } })).body as { invitationUrl: string };
    // What an organization writes itself (role, who confirmed) it writes in its own language.
    const local = { role: 'топ жетекшісі', confirmedBy: 'Павлодар өңірлік фронт-офисінің үйлестірушісі' };
    const ids: string[] = [];
    for (const overrides of [local, { ...local, category: 'education', hours: 6, activityStartDate: '2024-09-02', activityEndDate: '2024-09-02', name: { kk: 'Мектепте сабақ', ru: 'Уроки в школе', en: 'School lessons' } }, { ...local, hours: 2 }]) {
      const recorded = await passport.record(org, overrides);
      const claimed = await passport.claim(dana, recorded.offerUri);
      expect(claimed.status).toBe(201);
      ids.push(claimed.body.id);
    }
    const share = (await passport.walletApi('POST', '/v1/shares', { token: dana.token, body: { credentialIds: ids.slice(0, 2), expiresInDays: 30 } })).body as { url: string };
    const revoke = await passport.issuerApi('POST', `/v1/credentials/${encodeURIComponent(ids[2]!)}/revoke`, { token: org.apiKey, body: { reason: 'екі рет жазылған' } });
    expect(revoke.status).toBe(200);
    const revoked = (await passport.walletApi('POST', '/v1/shares', { token: dana.token, body: { credentialIds: [ids[2]], expiresInDays: 30 } })).body as { url: string };
    const pending = await call(verifier.url, '/v1/requests', { purpose: 'Тағылымдама', minHours: 10, categories: ['ecology'] });
    const answered = await call(verifier.url, '/v1/requests', { purpose: 'Стажировка', minHours: 10 });
    const reply = await passport.walletApi('POST', '/v1/presentations/respond', { token: dana.token, body: { requestUri: answered.requestUri, credentialIds: ids.slice(0, 2) } });
    expect(reply.status).toBeLessThan(300);

    const wallet = passport.wallet.url;
    const shown = (selector: string) => (page: Page) => page.locator(selector).first().waitFor({ state: 'visible' });
    const walletPage = (name: string, path: string, ready: string, hours?: number, as: Visitor = 'dana'): PageUnderTest => ({
      name: `wallet ${name}`, url: (l) => `${wallet}${path}?lang=${l}`, as, ready: shown(ready), ...(hours ? { hours } : {}),
    });
    const issuer = passport.issuer.url;
    const settled = (selector: string) => async (page: Page) => {
      await page.locator(selector).first().waitFor({ state: 'visible' });
      await page.waitForLoadState('networkidle');
    };
    const consolePage = (name: string, path: string, ready: string): PageUnderTest => ({
      name: `console ${name}`, url: (l) => `${issuer}${path}?lang=${l}`, as: 'staff', ready: settled(ready),
    });
    pages.push(
      { name: 'wallet sign-in', url: (l) => `${wallet}/?lang=${l}`, ready: shown('#wallet-signin') },
      walletPage('passport', '/', '#credentials > li', 24.5),
      walletPage('new passport', '/', '#no-credentials', undefined, 'fresh'),
      walletPage('credential', `/credentials/${encodeURIComponent(ids[0]!)}`, '#credential h1'),
      walletPage('revoked credential', `/credentials/${encodeURIComponent(ids[2]!)}`, '#credential h1'),
      walletPage('account', '/account', '#wallet-page h1'),
      walletPage('claim', '/claim', '#claim-form'),
      walletPage('share', '/share', '#wallet-page'),
      walletPage('respond', '/respond', '#wallet-page'),
      { name: 'wallet forgot password', url: (l) => `${wallet}/forgot-password?lang=${l}`, ready: shown('h1') },
      { name: 'wallet public share', url: (l) => `${share.url}?lang=${l}`, ready: shown('[data-total]'), hours: 24.5 },
      { name: 'verifier scan', url: (l) => `${verifier.url}/?lang=${l}`, ready: shown('#start-camera') },
      { name: 'verifier result', url: (l) => `${verifier.url}/verify?presentation=${encodeURIComponent(share.url)}&lang=${l}`, ready: shown('#verdict'), hours: 24.5 },
      { name: 'verifier revoked result', url: (l) => `${verifier.url}/verify?presentation=${encodeURIComponent(revoked.url)}&lang=${l}`, ready: shown('#why') },
      { name: 'verifier new request', url: (l) => `${verifier.url}/requests/new?lang=${l}`, ready: shown('#new-request') },
      { name: 'verifier waiting request', url: (l) => `${verifier.url}/requests/${pending.id}?lang=${l}#read=${pending.readToken}`, ready: shown('#request-qr') },
      { name: 'verifier answered request', url: (l) => `${verifier.url}/requests/${answered.id}?lang=${l}#read=${answered.readToken}`, ready: shown('#result'), hours: 24.5 },
      { name: 'console sign-in', url: (l) => `${issuer}/people?lang=${l}`, ready: shown('#signin-form') },
      { name: 'console invitation', url: (l) => waitingInvitation.invitationUrl.replace('#', `?lang=${l}#`), ready: shown('#accept-form') },
      consolePage('front offices', '/front-offices', '#front-offices'),
      consolePage('front office', '/front-offices/fo-pavlodar', 'h1'),
      consolePage('organizations', '/organizations', '#organizations'),
      consolePage('accredit', '/organizations/new', '#accredit-form'),
      consolePage('organization', `/organizations/${org.id}`, '#org-name'),
      consolePage('keys', `/organizations/${org.id}/keys`, '#keys'),
      consolePage('people', '/people', '#people'),
      consolePage('audit', '/audit', '#audit'),
      consolePage('account', '/account', '#password-form'),
      {
        name: 'issuer dashboard',
        url: (l) => `${passport.issuer.url}/dashboard?lang=${l}`,
        ready: async (page) => {
          await page.fill('#key', ADMIN);
          await page.click('#sign-in-form button[type=submit]');
          await page.waitForSelector('#figures:not([hidden]) #totals [data-measure="hours"][data-value]');
        },
      },
    );
    pages.push(...(await coordinatorPages(passport, org)));
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([verifier?.stop(), passport?.stop()]);
  });

  for (const viewport of VIEWPORTS) {
    for (const lang of LANGS) {
      it(`${viewport.width} px, ${lang}`, async () => {
        const problems: string[] = [];
        const phone = viewport.width < 700;
        // A phone set to the page's language, as its reader's would be: the browser's own widgets (date fields) speak it too.
        const open = () => browser.newContext({ viewport, isMobile: phone, hasTouch: phone, locale: LOCALES[lang] });
        const contexts: Record<Visitor, BrowserContext> = { out: await open(), dana: await open(), fresh: await open(), staff: await open(), coordinator: await open() };
        try {
          await signIn(await contexts.dana.newPage(), passport.wallet.url, dana);
          await signIn(await contexts.fresh.newPage(), passport.wallet.url, fresh);
          await signIn(await contexts.staff.newPage(), passport.issuer.url, STAFF, '#front-offices');
          await signIn(await contexts.coordinator.newPage(), passport.issuer.url, COORDINATOR, '#projects', '/projects');
          for (const target of pages) {
            const page = await contexts[target.as ?? 'out'].newPage();
            try {
              await page.goto(target.url(lang));
              await target.ready(page);
              await page.screenshot({ path: resolve(PICTURES, `${target.name.replaceAll(' ', '-')}-${lang}-${viewport.width}.png`), fullPage: true });
              problems.push(...(await pageProblems(page, lang, target.hours, viewport.width)).map((p) => `${target.name}: ${p}`));
            } catch (err) {
              problems.push(`${target.name}: ${(err as Error).message.split('\n')[0]}`);
            } finally {
              await page.close();
            }
          }
        } finally {
          await Promise.all(Object.values(contexts).map((context) => context.close()));
        }
        expect(problems).toEqual([]);
      }, 180_000);
    }
  }
});

/** What a person would stumble on in one page: sideways scrolling, foreign words, hours in another locale. */
async function pageProblems(page: Page, lang: Lang, hours: number | undefined, viewportWidth: number): Promise<string[]> {
  const problems: string[] = [];
  const { scrollWidth, clientWidth, innerWidth, text } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    innerWidth: window.innerWidth,
    text: document.body.innerText,
  }));
  // A phone zooms out to fit what overflows (innerWidth then grows past the screen), and a
  // desktop's scrollbar takes its width from innerWidth: the page's own width is clientWidth.
  if (scrollWidth > clientWidth || innerWidth > viewportWidth) problems.push(`scrolls sideways (${scrollWidth} px in ${clientWidth} px, window ${innerWidth} px)`);
  if (lang !== 'en') {
    const foreign = foreignWords(text);
    if (foreign.length) problems.push(`English words: ${foreign.join(', ')}`);
  }
  problems.push(...hourProblems(text, lang, hours));
  return problems;
}

/** Signs in through the page's own form (the wallet's and the console's have the same fields), keeping the cookie in the context. */
async function signIn(page: Page, base: string, who: { login: string; password: string }, signedIn = '#wallet-page', path = '/'): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.locator('#signin-login').fill(who.login);
  await page.locator('#signin-password').fill(who.password);
  await page.locator('#signin-form button[type="submit"]').click();
  await page.locator(signedIn).waitFor({ state: 'visible' });
  await page.close();
}

const COORDINATOR = { login: 'coordinator@eco-qyran.kz', password: 'coordinator password 1' };

/**
 * The coordinator's console pages of the organization, as one of its members sees them: the
 * activities list (with the activities recorded above), the record form, the upload page, the
 * preview of an uploaded template, and the projects.
 */
async function coordinatorPages(passport: Passport, org: Organization): Promise<PageUnderTest[]> {
  const invited = await passport.issuerApi('POST', '/v1/staff/invitations', { token: ADMIN, body: { unit: `organization:${org.id}`, role: 'member', name: 'Әсел Нұрланқызы' } });
  const link = new URL(invited.body.invitationUrl).hash.slice(1);
  expect((await passport.issuerApi('POST', `/v1/staff/invitations/${link}/accept`, { body: COORDINATOR })).status).toBe(201);
  expect((await passport.issuerApi('POST', '/v1/projects', { token: org.apiKey, body: { name: 'Жас ағаш' } })).status).toBe(201);
  const issuer = passport.issuer.url;
  const shown = (selector: string) => (page: Page) => page.locator(selector).first().waitFor({ state: 'visible' });
  const consolePage = (name: string, path: string, ready: (page: Page) => Promise<unknown>): PageUnderTest => ({ name: `console ${name}`, url: (l) => `${issuer}${path}?lang=${l}`, as: 'coordinator', ready });
  return [
    consolePage('activities', '/activities', shown('#activities li.activity')),
    consolePage('record', '/activities/new', async (page) => {
      await shown('#record-form')(page);
      await page.locator('#rec-project option[value="Жас ағаш"]').waitFor({ state: 'attached' });
    }),
    consolePage('upload', '/activities/upload', shown('#upload-form')),
    consolePage('upload preview', '/activities/upload', async (page) => {
      const lang = (await page.locator('html').getAttribute('lang')) ?? 'kk';
      const template = await page.context().request.get(`${issuer}/v1/activities/template.csv?lang=${lang}`);
      await page.locator('#upload-file').setInputFiles({ name: 'үлгі.csv', mimeType: 'text/csv', buffer: await template.body() });
      await page.locator('#upload-check').click();
      await shown('#preview #totals [data-total="hours"]')(page);
    }),
    consolePage('projects', '/projects', shown('#projects [data-project]')),
  ];
}

async function call(base: string, path: string, body: unknown): Promise<{ id: string; readToken: string; requestUri: string }> {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST ${path} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string; readToken: string; requestUri: string };
}

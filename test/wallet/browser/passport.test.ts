import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.ts';
import { PHONE, alertSentence, newVolunteer, screenshot, signInThroughPage, startPassport, type PassportServices } from './passport-services.ts';

/**
 * A volunteer on a phone, in Debian's Chromium against a real issuer and wallet: signs up and in,
 * claims by pasting offers, reads the totals and the list, switches language, shares.
 */
describe('the wallet pages in a browser', () => {
  let services: PassportServices;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const volunteer = newVolunteer();
  const offers: Array<{ id: string; offerUri: string }> = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    services = await startPassport();
    offers.push(
      await services.offer({
        name: { kk: 'Ағаш отырғызу', ru: 'Посадка деревьев', en: 'Tree planting' },
        project: 'Жас ағаш',
        category: 'ecology',
        hours: 18.5,
        activityStartDate: '2025-04-20',
        activityEndDate: '2025-04-27',
        role: 'team lead',
      }),
      await services.offer({
        name: { kk: 'Оқушыларға сабақ', ru: 'Уроки для школьников', en: 'Lessons for pupils' },
        project: 'Білім волонтерлері',
        category: 'education',
        hours: 6,
        activityStartDate: '2024-10-05',
        activityEndDate: '2024-10-05',
      }),
    );
    browser = await launchBrowser();
    // A phone set to Kazakh: the first visit must pick Kazakh from Accept-Language.
    context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'kk-KZ' });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
    });
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await browser?.close();
    await services?.stop();
  });

  it('creates an account and signs in through the page', async () => {
    await page.goto(services.wallet.url + '/');
    await page.locator('#wallet-signin').waitFor({ state: 'visible' });
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    expect(await page.locator('#signin-form h2').textContent()).toBe('Кіру');
    await screenshot(page, 'sign-in');

    await page.locator('#signup-login').fill(volunteer.login);
    await page.locator('#signup-password').fill(volunteer.password);
    await page.locator('#signup-form button[type="submit"]').click();
    // The recovery codes, shown once: Continue only after "I saved them".
    await page.locator('#wallet-codes').waitFor({ state: 'visible' });
    expect(await page.locator('#codes-list li').count()).toBe(10);
    expect(await page.locator('#codes-continue').isDisabled()).toBe(true);
    await screenshot(page, 'recovery-codes');
    await page.locator('#codes-saved').check();
    await page.locator('#codes-continue').click();
    await page.locator('#wallet-page').waitFor({ state: 'visible' });
    expect(await page.locator('#wallet-page h1').textContent()).toBe('Менің волонтер паспортым');
    // A new passport: a welcome that says how the first credential comes, not empty totals.
    await expect.poll(() => page.locator('#no-credentials').isVisible()).toBe(true);
    expect(await page.locator('#totals').isVisible()).toBe(false);
    expect(await page.locator('#credentials-title').isVisible()).toBe(false);
    expect(await page.locator('#no-credentials ol li').count()).toBe(3);
    expect(await page.locator('#no-credentials a.button').getAttribute('href')).toBe('/claim');
    await screenshot(page, 'passport-empty');

    await page.locator('#sign-out').click();
    await page.locator('#wallet-signin').waitFor({ state: 'visible' });

    await page.locator('#signin-login').fill(volunteer.login);
    await page.locator('#signin-password').fill('not the password at all');
    await page.locator('#signin-form button[type="submit"]').click();
    await expect.poll(() => page.locator('#signin-message [role="alert"]').textContent()).toBe('Логин немесе құпиясөз қате.');

    await signInThroughPage(page, volunteer);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'passport_session');
    expect(session?.httpOnly).toBe(true);
    // Nothing of the session is kept where page scripts (or anything injected) could read it.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie)).not.toContain(session!.value);
  });

  it('claims credentials by pasting their offers, and explains a refusal', async () => {
    await page.goto(services.wallet.url + '/claim');
    await page.locator('#wallet-page').waitFor({ state: 'visible' });

    await page.locator('#offer').fill('https://example.org/not-an-offer');
    await page.locator('#claim-form button[type="submit"]').click();
    await expect.poll(() => page.locator('#notice').textContent()).toBe('Бұл QR код куәлік ұсынысы емес.');

    await page.locator('#offer').fill(offers[0]!.offerUri);
    await page.locator('#claim-form button[type="submit"]').click();
    await expect.poll(() => page.locator('#claimed').textContent()).toContain('Ағаш отырғызу');

    // Opened from a link: the offer is filled in, and claimed only when the volunteer taps.
    await page.goto(`${services.wallet.url}/claim?offer=${encodeURIComponent(offers[1]!.offerUri)}`);
    await page.locator('#wallet-page').waitFor({ state: 'visible' });
    expect(await page.locator('#offer').inputValue()).toBe(offers[1]!.offerUri);
    expect(await page.locator('#claimed').count()).toBe(0);
    await page.locator('#claim-form button[type="submit"]').click();
    await expect.poll(() => page.locator('#claimed').textContent()).toContain('Оқушыларға сабақ');

    // The same offer twice: the wallet's problem details reach the volunteer as a sentence.
    await page.locator('#offer').fill(offers[0]!.offerUri);
    await page.locator('#claim-form button[type="submit"]').click();
    expect(await alertSentence(page)).toBe('Бұл ұсыныс бұрын алынған. Куәлік паспортыңызда бар.');
    // The API's English words only behind the closed "details" toggle.
    expect(await page.locator('#notice [role="alert"]').innerText()).not.toMatch(/already been claimed/);
    expect(await page.locator('#notice [role="alert"] details code').textContent()).toContain('already been claimed');
  });

  it('shows the verified totals and every credential', async () => {
    await page.goto(services.wallet.url + '/');
    await expect.poll(() => page.locator('#credentials > li').count()).toBe(2);
    expect(normalize(await page.locator('#total-hours').textContent())).toBe('24,5 сағ');
    expect(await page.locator('#total-credentials').textContent()).toBe('2');
    expect(await rows(page, '#by-category')).toEqual([['Экология', '18,5 сағ'], ['Білім беру', '6 сағ']]);
    expect(await rows(page, '#by-year')).toEqual([['2025', '18,5 сағ'], ['2024', '6 сағ']]);
    expect(await rows(page, '#by-organization')).toEqual([['Эко Қыран', '24,5 сағ']]);

    const trees = page.locator('#credentials > li', { hasText: 'Ағаш отырғызу' });
    expect(await trees.locator('.organization').textContent()).toBe('Эко Қыран');
    expect(await trees.locator('.badge').textContent()).toBe('Жарамды');
    expect(normalize(await trees.locator('.hours').textContent())).toBe('18,5 сағ');
    expect(await trees.textContent()).toContain('Жас ағаш');
    expect(await page.locator('a[data-pdf="ru"]').getAttribute('href')).toBe('/v1/passport.pdf?lang=ru');
    await screenshot(page, 'passport-kk');
  });

  it('switches language, and remembers the choice on reload', async () => {
    await page.locator('a[data-lang="ru"]').click();
    await expect.poll(() => page.locator('#wallet-page h1').textContent()).toBe('Мой паспорт волонтёра');
    await expect.poll(() => rows(page, '#by-category')).toEqual([['Экология', '18,5 ч'], ['Образование', '6 ч']]);
    expect(await page.locator('#credentials > li .badge').first().textContent()).toBe('Действительно');
    expect(await page.locator('#credentials').textContent()).toContain('Уроки для школьников');

    await page.goto(services.wallet.url + '/');
    await expect.poll(() => page.locator('#wallet-page h1').isVisible()).toBe(true);
    expect(await page.locator('#wallet-page h1').textContent()).toBe('Мой паспорт волонтёра');
    expect(await page.locator('nav.tabs a[href="/share"]').textContent()).toBe('Поделиться');
    await screenshot(page, 'passport-ru');

    await page.locator('a[data-lang="en"]').click();
    await expect.poll(() => page.locator('#wallet-page h1').textContent()).toBe('My volunteer passport');
  });

  it('creates a share: link, QR and the note on expiry; deleting it stops the link', async () => {
    await page.goto(services.wallet.url + '/share');
    await expect.poll(() => page.locator('#share-credentials input[type="checkbox"]:checked').count()).toBe(2);
    await page.locator('#expires').fill('7');
    await page.locator('#share-form button[type="submit"]').click();
    await page.locator('#share-result').waitFor({ state: 'visible' });

    const url = await page.locator('#share-url').inputValue();
    expect(url.startsWith(services.wallet.url + '/p/')).toBe(true);
    await expect.poll(() => page.locator('#share-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.locator('#share-result .note').textContent()).toContain('not the credentials’ expiry');
    await expect.poll(() => page.locator('#shares > li').count()).toBe(1);
    await screenshot(page, 'share');

    const shared = await fetch(url, { headers: { accept: 'application/jwt' } });
    expect(shared.status).toBe(200);
    expect((await shared.text()).split('.')).toHaveLength(3);

    // A copy button beside every link.
    expect(await page.locator('#shares > li button.copy').count()).toBe(1);
    expect(await page.locator('#share-copy button.copy').count()).toBe(1);
    await page.locator('#shares > li button.danger').click();
    await expect.poll(() => page.locator('#no-shares').isVisible()).toBe(true);
    expect(await page.locator('#notice').textContent()).toBe('The link was deleted and no longer works.');
    expect([404, 410]).toContain((await fetch(url, { headers: { accept: 'application/jwt' } })).status);
  });

  it('downloads the PDF and the export, and imports the export back with a reason for each refusal', async () => {
    await page.goto(services.wallet.url + '/');
    await page.locator('#wallet-page').waitFor({ state: 'visible' });
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-pdf="kk"]').click()]);
    expect(readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');

    // The PDF's QR is a share the volunteer made: the page offers the live ones, newest first.
    // The share is made by the page's own fetch with the cookie, which the CSRF guard lets through.
    const share = await page.evaluate(async () => {
      const list = await (await fetch('/v1/credentials')).json();
      const res = await fetch('/v1/shares', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ credentialIds: [list.credentials[0].id], expiresInDays: 30 }) });
      return { status: res.status, body: await res.json() };
    });
    expect(share.status).toBe(201);
    await page.reload();
    await expect.poll(() => page.locator('#pdf-share').inputValue()).toBe(share.body.id);
    expect(await page.locator('a[data-pdf="en"]').getAttribute('href')).toBe(`/v1/passport.pdf?lang=en&shareId=${share.body.id}`);
    await page.locator('#pdf-share').selectOption('');
    expect(await page.locator('a[data-pdf="en"]').getAttribute('href')).toBe('/v1/passport.pdf?lang=en');

    const [exported] = await Promise.all([page.waitForEvent('download'), page.locator('#export-link').click()]);
    const file = await exported.path();
    expect((JSON.parse(readFileSync(file, 'utf8')) as { credentials: unknown[] }).credentials).toHaveLength(2);

    // Both credentials are in this passport already: each comes back refused, with its reason.
    await page.locator('#import-file').setInputFiles(file);
    await page.locator('#import-form button[type="submit"]').click();
    await expect.poll(() => page.locator('#notice').textContent()).toBe('Imported: 0. Refused: 2.');
    const refusals = await page.locator('#import-results li').allTextContents();
    expect(refusals).toHaveLength(2);
    for (const refusal of refusals) expect(refusal).toMatch(/^Refused: \S/);
  });

  it("opens a credential's own page: what it proves, its status, who issued it; shares and exports it alone", async () => {
    await page.goto(services.wallet.url + '/?lang=kk');
    const trees = page.locator('#credentials > li', { hasText: 'Ағаш отырғызу' });
    await trees.waitFor();
    // The whole card is the tap target (its title's link stretches over it): a tap in its middle opens it.
    await trees.click();
    await page.waitForURL(/\/credentials\/urn%3Auuid%3A/);
    await page.locator('#credential').waitFor({ state: 'visible' });
    expect(await page.locator('#credential-name').textContent()).toBe('Ағаш отырғызу');
    expect(await page.locator('#credential-badge .badge').textContent()).toBe('Жарамды');
    expect(await page.locator('#status-explained').textContent()).toContain('кері қайтарылмаған');
    expect(await page.locator('#status-checked').textContent()).toMatch(/\d{2}:\d{2} GMT\+5$/);
    const proves = normalize(await page.locator('#proves').innerText());
    for (const fact of ['Жас ағаш', '18,5 сағ', 'Экология', 'Павлодар облысы', 'team lead', '20–27 сәуір 2025 ж.']) expect(proves).toContain(fact);
    const issuer = await page.locator('#issuer').innerText();
    expect(issuer).toContain('Эко Қыран');
    expect(issuer).toContain('Ұлттық тізілімде аккредиттелген');
    expect(issuer).toMatch(/did:web:\S+orgs:/);
    await screenshot(page, 'credential-kk');

    await page.locator('#share-one').click();
    await page.locator('#share-one-result').waitFor({ state: 'visible' });
    const url = await page.locator('#share-one-url').inputValue();
    expect(await page.locator('#share-one-result button.copy').count()).toBe(1);
    const shared = await fetch(url, { headers: { accept: 'application/jwt' } });
    expect(shared.status).toBe(200);
    const vp = JSON.parse(Buffer.from((await shared.text()).split('.')[1]!, 'base64url').toString()) as { vp: { verifiableCredential: unknown[] } };
    expect(vp.vp.verifiableCredential).toHaveLength(1);

    const [exported] = await Promise.all([page.waitForEvent('download'), page.locator('#export-one').click()]);
    const file = JSON.parse(readFileSync(await exported.path(), 'utf8')) as { type: string; credentials: string[] };
    expect(file.type).toBe('VolunteerPassportExport');
    expect(file.credentials).toHaveLength(1);

    // A credential that is not in this passport: said so, in the page's language.
    await page.goto(services.wallet.url + '/credentials/urn%3Auuid%3A00000000-0000-4000-8000-000000000000');
    await expect.poll(() => page.locator('#notice [role="alert"]').textContent()).toContain('паспортыңызда жоқ');
    expect(await page.locator('#credential').isVisible()).toBe(false);
    await page.goto(services.wallet.url + '/?lang=en');
    await page.locator('#wallet-page').waitFor({ state: 'visible' });
  });

  it('shows a revoked credential as revoked and leaves it out of the totals', async () => {
    await services.revoke(offers[1]!.id);
    const lessons = page.locator('#credentials > li', { hasText: 'Lessons for pupils' });
    // As the volunteer would: open the passport again until it shows. The wallet's asks for one
    // status list share one fetch, so an ask that joins a fetch begun just before the revocation
    // (the previous page's) still sees the list as it was; the next one sees the revocation.
    await expect
      .poll(
        async () => {
          await page.goto(services.wallet.url + '/');
          return lessons.locator('.badge').textContent();
        },
        { timeout: 10_000, interval: 250 },
      )
      .toBe('Revoked');
    expect(normalize(await page.locator('#total-hours').textContent())).toBe('18.5 h');
    expect(await rows(page, '#by-category')).toEqual([['Ecology', '18.5 h']]);

    // Its own page says what revoked means for the volunteer.
    await lessons.locator('h3 a').click();
    await page.locator('#credential').waitFor({ state: 'visible' });
    expect(await page.locator('#credential-badge .badge').textContent()).toBe('Revoked');
    expect(await page.locator('#status-explained').textContent()).toBe('The organization revoked this credential. It no longer counts in your hours.');
  });

  it('ran without script errors or CSP violations', () => {
    expect(pageErrors).toEqual([]);
  });
});

/** Intl puts a narrow no-break space in some number formats; tests compare plain spaces. */
function normalize(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
}

async function rows(page: Page, table: string): Promise<string[][]> {
  return page.locator(`${table} tr`).evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((cell) => (cell.textContent ?? '').replace(/[\u00a0\u202f]/g, ' '))));
}

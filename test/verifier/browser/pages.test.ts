import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchBrowser, qrVideo } from '../../helpers/browser.ts';
import { freePort, startService, type StartedService } from '../../helpers/services.ts';
import { Passport, type Organization, type Volunteer } from '../../wallet/api/setup.ts';

// jsqr is CommonJS; under ESM its function arrives as the default export.
const jsQR = jsQRModule as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
import { SCREENSHOTS } from '../../helpers/screenshots.ts';
const PHONE = { width: 390, height: 844 };

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `verifier-${name}.png`), fullPage: true });
}

/** The text of a QR code image, read back the way a phone would. */
function readQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!code) throw new Error('no QR code in the image');
  return code.data;
}

// The employer's side in Debian's Chromium, against a real issuer, a real wallet and this verifier.
describe('verifier pages in a browser', () => {
  let passport: Passport;
  let verifier: StartedService;
  let org: Organization;
  let dana: Volunteer;
  const ids: string[] = [];
  let share: { url: string; qrUrl: string };
  let revokedShare: { url: string };

  beforeAll(async () => {
    const port = await freePort();
    passport = await Passport.start({ VERIFIER_URL: `http://localhost:${port}` });
    verifier = await startService('verifier', { port, env: { ISSUER_URL: passport.issuer.url, VERIFIER_CACHE_SECONDS: '0' } });
    org = await passport.accredit('eco-qyran');
    dana = await passport.volunteer(`dana.${Date.now()}`);
    for (const overrides of [{}, { category: 'education', hours: 6, name: { kk: 'Мектепте сабақ', ru: 'Уроки в школе', en: 'School lessons' } }, { hours: 2 }]) {
      const recorded = await passport.record(org, overrides);
      const claimed = await passport.claim(dana, recorded.offerUri);
      expect(claimed.status).toBe(201);
      ids.push(claimed.body.id);
    }
    const shared = await passport.walletApi('POST', '/v1/shares', { token: dana.token, body: { credentialIds: ids.slice(0, 2), expiresInDays: 30 } });
    expect(shared.status).toBe(201);
    share = shared.body;
    const revoke = await passport.issuerApi('POST', `/v1/credentials/${encodeURIComponent(ids[2]!)}/revoke`, { token: org.apiKey, body: { reason: 'recorded twice' } });
    expect(revoke.status).toBe(200);
    const withRevoked = await passport.walletApi('POST', '/v1/shares', { token: dana.token, body: { credentialIds: [ids[0], ids[2]], expiresInDays: 30 } });
    expect(withRevoked.status).toBe(201);
    revokedShare = withRevoked.body;
  });
  afterAll(async () => {
    await Promise.all([verifier?.stop(), passport?.stop()]);
  });

  it("reads the wallet's share QR through the camera and shows the verified result", async () => {
    const qr = await passport.walletApi('GET', share.qrUrl, { token: dana.token });
    const text = readQr(qr.bytes);
    expect(text).toBe(`${verifier.url}/verify?presentation=${encodeURIComponent(share.url)}`);
    const browser = await launchBrowser({ camera: await qrVideo(text) });
    try {
      const page = await browser.newPage({ viewport: PHONE });
      await page.goto(`${verifier.url}/?lang=en`);
      // The page explains the camera before it starts; it starts when asked.
      expect(await page.locator('#camera-intro').textContent()).toContain('The camera is used only to read the QR code');
      expect(await page.locator('#camera').isHidden()).toBe(true);
      await page.locator('#start-camera').click();
      await page.waitForURL(/\/verify\?presentation=/, { timeout: 15_000 });
      expect(new URL(page.url()).searchParams.get('presentation')).toBe(share.url);
      await expect.poll(() => page.locator('#verdict').textContent()).toContain('Verified');
      expect(await page.locator('#result').getAttribute('data-verified')).toBe('true');
      expect(await page.locator('#volunteer').textContent()).toContain('Дана Серікқызы');
      expect(await page.locator('#totals').textContent()).toContain('In all: 24.5\u00a0h (2 credentials)');
      const activities = await page.locator('article.activity').allTextContents();
      expect(activities.join(' ')).toContain('Tree planting');
      expect(activities.join(' ')).toContain('School lessons');
      expect(activities.join(' ')).toContain('Organization eco-qyran');
      expect(await page.locator('#checks li[data-outcome="failed"], #checks li[data-outcome="unavailable"]').count()).toBe(0);
      expect(await page.locator('#checks li[data-check="challenge"]').getAttribute('data-outcome')).toBe('not_applicable');
      // A share link proves the credentials, not who shows them: the page says so and offers a live request.
      const binding = page.locator('#checks li[data-check="holder_binding"]');
      expect(await binding.getAttribute('data-bearer')).toBe('true');
      expect(await binding.textContent()).toContain('Anyone with the link can show this');
      expect(await binding.textContent()).not.toContain('Presented by its owner');
      expect(await page.locator('#bearer').textContent()).toContain('ask for a live request to know it is the volunteer');
      expect(await page.locator('#live-request').getAttribute('href')).toBe('/requests/new?lang=en');
      await screenshot(page, 'verified');
      await page.locator('.langs a[data-lang="kk"]').click();
      await expect.poll(() => page.locator('#verdict').textContent()).toContain('Расталды');
      expect(await page.locator('article.activity').first().textContent()).toContain('Ағаш отырғызу');
      expect(await page.locator('#bearer').textContent()).toContain('Сілтемесі бар кез келген адам мұны көрсете алады');
      await screenshot(page, 'share-bearer-kk');
      await page.locator('.langs a[data-lang="ru"]').click();
      await expect.poll(() => page.locator('#bearer').textContent()).toContain('Любой, у кого есть ссылка, может показать это');
      await screenshot(page, 'share-bearer-ru');
      await page.locator('#live-request').click();
      await page.waitForURL(/\/requests\/new\?lang=ru/);
    } finally {
      await browser.close();
    }
  });

  it('shows the scan page with a live camera, a photo choice and a paste box', async () => {
    // No video file: Chromium's fake camera shows its test pattern, which holds no QR code.
    const browser: Browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
    });
    try {
      const page = await browser.newPage({ viewport: PHONE });
      await page.goto(`${verifier.url}/?lang=ru`);
      await screenshot(page, 'scan-intro');
      await page.locator('#start-camera').click();
      await expect.poll(() => page.locator('#scan-status').textContent()).toBe('Сканирование…');
      await page.waitForFunction(() => (document.getElementById('camera') as HTMLVideoElement).videoWidth > 0);
      await screenshot(page, 'scan');
      await page.locator('#photo').setInputFiles({ name: 'share.png', mimeType: 'image/png', buffer: (await passport.walletApi('GET', share.qrUrl, { token: dana.token })).bytes });
      await page.waitForURL(/\/verify\?presentation=/, { timeout: 15_000 });
      await expect.poll(() => page.locator('#verdict').textContent()).toContain('Подтверждено');
    } finally {
      await browser.close();
    }
  });

  it('says exactly which check failed and why, in the reader’s language', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: PHONE });
      await page.goto(`${verifier.url}/verify?presentation=${encodeURIComponent(revokedShare.url)}&lang=ru`);
      expect(await page.locator('#verdict').textContent()).toContain('Не подтверждено');
      const why = page.locator('#why li');
      expect(await why.count()).toBe(1);
      expect(await why.getAttribute('data-check')).toBe('not_revoked');
      expect(await why.textContent()).toContain('Организация отозвала это удостоверение');
      // The label says what failed, not the name of what should have held.
      expect(await why.locator('strong').textContent()).toBe('Отозвано');
      expect(await page.locator('#checks li[data-check="not_revoked"] strong').textContent()).toContain('Отозвано');
      expect(await page.locator('#checks li[data-check="not_revoked"]').textContent()).not.toContain('Не отозвано');
      // A presentation that fails proves no hours, not even those of its good credential.
      expect(await page.locator('#totals').textContent()).toContain('Всего: 0\u00a0ч (удостоверений: 0)');
      // The revoked credential is named by its activity, and the volunteer stays named.
      expect(await why.textContent()).toContain('(Посадка деревьев)');
      expect(await why.textContent()).not.toContain('urn:uuid');
      expect(await page.locator('#volunteer strong').textContent()).toBe('Дана Серікқызы');
      expect(await page.locator('#checked-at').textContent()).toMatch(/Проверено: \d+ [а-я]+ \d{4} г\. в \d\d:\d\d GMT\+5/);
      expect(await page.locator('article.activity .hours').first().textContent()).toBe('18,5\u00a0ч');
      // Technical detail only behind its toggle: no English in the visible text.
      expect(await page.locator('main').innerText()).not.toMatch(/Holds|Technical/);
      expect(await page.locator('#totals').textContent()).toContain('Презентация не подтверждена, поэтому её часы не учитываются');
      expect(await page.locator('#checks li[data-check="not_revoked"]').getAttribute('data-outcome')).toBe('failed');
      await screenshot(page, 'failed');
      // The print view: the result and the time it was checked, without the page's controls.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#checked-at').isVisible()).toBe(true);
      expect(await page.locator('button[data-print]').isVisible()).toBe(false);
      expect(await page.locator('header.top').isVisible()).toBe(false);
      expect(await page.locator('#verdict').isVisible()).toBe(true);
      await screenshot(page, 'print-ru');
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${verifier.url}/verify?presentation=${encodeURIComponent('http://169.254.169.254/p/x')}&lang=en`);
      expect(await page.locator('#why').textContent()).toContain('This address is not fetched');
    } finally {
      await browser.close();
    }
  });

  it('warns first when the credentials name the volunteer differently', async () => {
    const other = await passport.record(org, { hours: 3 }, 'Аружан Серікқызы');
    const claimed = await passport.claim(dana, other.offerUri);
    expect(claimed.status).toBe(201);
    const mixed = await passport.walletApi('POST', '/v1/shares', { token: dana.token, body: { credentialIds: [ids[0], claimed.body.id], expiresInDays: 1 } });
    expect(mixed.status).toBe(201);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: PHONE });
      await page.goto(`${verifier.url}/verify?presentation=${encodeURIComponent(mixed.body.url)}&lang=kk`);
      const warning = page.locator('#warnings li[data-warning="subject_names_differ"]');
      expect(await warning.textContent()).toContain('Куәліктерде волонтер әртүрлі аталған: Дана Серікқызы, Аружан Серікқызы');
      const order = await page.locator('#result > *').evaluateAll((nodes) => nodes.map((n) => n.id).filter(Boolean));
      expect(order.indexOf('warnings')).toBeLessThan(order.indexOf('volunteer'));
      expect(order.slice(0, 3)).toEqual(['verdict', 'checked-at', 'warnings']);
    } finally {
      await browser.close();
    }
  });

  it('shows a request QR and updates to verified when the wallet answers', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: PHONE, permissions: ['clipboard-read', 'clipboard-write'] });
      await page.goto(`${verifier.url}/requests/new?lang=en`);
      await page.locator('#purpose').fill('Internship at Astana Hub');
      await page.locator('#minHours').fill('20');
      await page.locator('input[name="categories"][value="ecology"]').check();
      await page.locator('input[name="categories"][value="education"]').check();
      await page.locator('#new-request button[type="submit"]').click();
      await page.waitForURL(/\/requests\/[A-Za-z0-9_-]+/);
      await page.waitForFunction(() => (document.getElementById('request-qr') as HTMLImageElement).naturalWidth > 0);
      expect(await page.locator('#policy').textContent()).toContain('at least 20\u00a0h');
      expect(await page.locator('#request-title').textContent()).toBe("Waiting for the volunteer's answer");
      expect(await page.locator('#request').textContent()).toMatch(/Valid until \d\d:\d\d GMT\+5/);
      const requestUri = await page.locator('#request-uri').inputValue();
      const qr = await fetch(`${verifier.url}/v1/requests/${page.url().split('/requests/')[1]!.split('?')[0]}/qr.png`);
      expect(readQr(Buffer.from(await qr.arrayBuffer()))).toBe(requestUri);
      // A copy button beside the request link, for sending it to a volunteer who is not in the room.
      await page.locator('#request button.copy').click();
      await expect.poll(() => page.locator('#request button.copy').textContent()).toBe('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(requestUri);
      await screenshot(page, 'request');
      const answered = await passport.walletApi('POST', '/v1/presentations/respond', { token: dana.token, body: { requestUri, credentialIds: ids.slice(0, 2) } });
      expect(answered.status).toBeLessThan(300);
      await page.locator('#request[data-status="verified"]').waitFor({ timeout: 15_000 });
      expect(await page.locator('#request-status').textContent()).toContain('The volunteer answered: verified');
      expect(await page.locator('#request-title').textContent()).toBe("The volunteer's answer");
      expect(await page.title()).toBe("The volunteer's answer");
      expect(await page.locator('#checks li[data-check="challenge"]').getAttribute('data-outcome')).toBe('passed');
      // A live answer to this request's nonce proves the key: only here does holder binding pass.
      expect(await page.locator('#checks li[data-check="holder_binding"]').getAttribute('data-outcome')).toBe('passed');
      expect(await page.locator('#checks li[data-check="policy"]').getAttribute('data-outcome')).toBe('passed');
      await screenshot(page, 'request-verified');
      // Opened again once answered, the page is titled by what it shows from the start.
      await page.reload();
      expect(await page.title()).toBe("The volunteer's answer");
      await page.locator('#request[data-status="verified"]').waitFor({ timeout: 15_000 });
      // The read token came in the URL fragment and left the address bar; another screen that
      // opens the same address (the id is in the QR) sees no answer.
      expect(page.url()).not.toContain('read=');
      const stranger = await browser.newPage({ viewport: PHONE });
      await stranger.goto(page.url());
      await stranger.locator('#request-locked').waitFor({ state: 'visible' });
      expect(await stranger.locator('#result').count()).toBe(0);
      expect(await page.content()).toContain('Серікқызы');
      expect(await stranger.content()).not.toContain('Серікқызы');
    } finally {
      await browser.close();
    }
  });
});

import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import jsQRModule from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, qrVideo } from '../../helpers/browser.ts';
import { call } from '../../helpers/http.ts';
import { SCREENSHOTS } from '../../helpers/screenshots.ts';
import { freePort, startService, type StartedService } from '../../helpers/services.ts';
import { PHONE, signInThroughPage } from './passport-services.ts';

/**
 * An event from end to end in Debian's Chromium (issue 12): the coordinator creates it in the
 * console and shows its check-in QR; a phone-size wallet checks in by pointing the fake camera at
 * that very QR (decoded from the image the console shows); the coordinator sees the volunteer,
 * sets the hours and confirms; the wallet's passport then shows the new credential with its hours.
 */
// jsqr's CommonJS export, as the other tests read it.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;
const ADMIN = `admin-${randomBytes(12).toString('hex')}`;
const STAFF = { login: 'coordinator@eco-qyran.kz', password: 'console password 1' };
const VOLUNTEER = { login: `dana.${randomBytes(4).toString('hex')}`, password: 'a long passphrase 1' };

let issuer: StartedService;
let wallet: StartedService;
const browsers: Browser[] = [];

beforeAll(async () => {
  // The issuer's QR codes carry the wallet's https claim link, so it is told the wallet's address.
  const walletPort = await freePort();
  issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: ADMIN, WALLET_URL: `http://localhost:${walletPort}` } });
  wallet = await startService('wallet', { port: walletPort, env: { ISSUER_URL: issuer.url, WALLET_CACHE_SECONDS: '0' } });
  const org = await call(issuer.url, 'POST', '/v1/organizations', { token: ADMIN, body: { id: 'eco-qyran', name: { kk: 'Эко Қыран', ru: 'Эко Кыран', en: 'Eco Qyran' }, region: 'KZ-55' } });
  expect(org.status).toBe(201);
  const invited = await call(issuer.url, 'POST', '/v1/staff/invitations', { token: ADMIN, body: { unit: 'organization:eco-qyran', role: 'admin', name: 'Асель Координатор' } });
  const token = new URL(invited.body.invitationUrl).hash.slice(1);
  expect((await call(issuer.url, 'POST', `/v1/staff/invitations/${token}/accept`, { body: STAFF })).status).toBe(201);
  expect((await call(wallet.url, 'POST', '/v1/accounts', { body: VOLUNTEER })).status).toBe(201);
  const session = await call(wallet.url, 'POST', '/v1/sessions', { body: VOLUNTEER });
  await call(wallet.url, 'PUT', '/v1/account/profile', { token: session.body.token, body: { name: 'Дана Әлиева' } });
}, 90_000);

afterAll(async () => {
  for (const b of browsers) await b.close();
  await Promise.all([wallet?.stop(), issuer?.stop()]);
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The text of the QR image the page shows, decoded as a phone would. */
async function shownQr(page: Page): Promise<string> {
  const src = await page.locator('#check-in-qr').getAttribute('src');
  const png = PNG.sync.read(Buffer.from(await (await page.context().request.get(issuer.url + src)).body()));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('the page shows no readable QR code');
  return code.data;
}

describe('an event in the browser', () => {
  it('the coordinator shows the QR, a phone checks in with its camera, the coordinator confirms, the wallet shows the new credential', async () => {
    const consoleBrowser = await launchBrowser();
    browsers.push(consoleBrowser);
    const errors: string[] = [];
    const coordinator = await (await consoleBrowser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'ru-RU' })).newPage();
    coordinator.on('pageerror', (err) => errors.push(err.message));
    await coordinator.goto(issuer.url + '/events?lang=ru');
    await coordinator.locator('#signin-login').fill(STAFF.login);
    await coordinator.locator('#signin-password').fill(STAFF.password);
    await coordinator.locator('#signin-form button[type="submit"]').click();
    await coordinator.locator('#event-form').waitFor();

    await coordinator.locator('#name-ru').fill('Уборка берега Иртыша');
    await coordinator.locator('#name-kk').fill('Ертіс жағасын тазалау');
    await coordinator.locator('#project').fill('Таза Ертіс');
    await coordinator.locator('#place').fill('Павлодар, набережная');
    await coordinator.locator('#event-form button[type="submit"]').click();
    await coordinator.waitForURL(/\/events\/[0-9a-f-]{36}/);
    await coordinator.locator('#check-in-panel').waitFor({ state: 'visible' });
    await expect.poll(() => coordinator.locator('#event-name').textContent()).toBe('Уборка берега Иртыша');
    // The QR image has loaded and the check-in list has answered, as the coordinator sees the page.
    await expect.poll(() => coordinator.locator('#check-in-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect.poll(() => coordinator.locator('main').innerText()).not.toContain('Загрузка');
    await shot(coordinator, 'console-event-qr');

    const scanned = await shownQr(coordinator);
    expect(scanned).toContain(wallet.url + '/claim?offer=');
    const phoneBrowser = await launchBrowser({ camera: await qrVideo(scanned) });
    browsers.push(phoneBrowser);
    const phone = await phoneBrowser.newPage({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ru-RU' });
    phone.on('pageerror', (err) => errors.push(err.message));
    await phone.goto(wallet.url + '/claim');
    await signInThroughPage(phone, VOLUNTEER);
    await phone.locator('#scan-start').click();
    await expect.poll(() => phone.locator('#checked-in').textContent(), { timeout: 20_000 }).toContain('Уборка берега Иртыша');

    await phone.goto(wallet.url + '/');
    await expect.poll(() => phone.locator('#check-ins .check-in').count(), { timeout: 10_000 }).toBe(1);
    expect(await phone.locator('#check-ins .check-in').textContent()).toContain('Ожидает подтверждения');
    await shot(phone, 'wallet-event-waiting');

    // The coordinator's list shows the volunteer by the name the wallet sent.
    await expect.poll(() => coordinator.locator('#check-ins [data-check-in]').count(), { timeout: 15_000 }).toBe(1);
    expect(await coordinator.locator('#check-ins').textContent()).toContain('Дана Әлиева');
    await coordinator.locator('#hours-all').fill('4');
    await coordinator.locator('#role-all').fill('волонтёр');
    await coordinator.locator('#check-ins input[name="hours"]').fill('5.5');
    await shot(coordinator, 'console-event-check-ins');
    await coordinator.locator('#confirm-event').click();
    await coordinator.locator('.confirm.inline button.danger').click();
    await expect.poll(() => coordinator.locator('.event-message').textContent()).toContain('1');
    await expect.poll(() => coordinator.locator('#check-ins .badge.confirmed').count()).toBe(1);

    // The passport fetches the credential when opened, and marks it new.
    await phone.reload();
    await expect.poll(() => phone.locator('#credentials > li').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => phone.locator('#credentials > li .badge.new').count()).toBe(1);
    expect(await phone.locator('#credentials > li .hours').textContent()).toContain('5,5');
    expect(await phone.locator('#check-ins-section').isHidden()).toBe(true);
    await shot(phone, 'wallet-event-credential');
    expect(errors).toEqual([]);
  }, 120_000);

  it('without a camera: the wallet shows a personal code, the coordinator’s page scans it, the volunteer is checked in', async () => {
    const other = { login: `erlan.${randomBytes(4).toString('hex')}`, password: 'a long passphrase 2' };
    expect((await call(wallet.url, 'POST', '/v1/accounts', { body: other })).status).toBe(201);
    const session = await call(wallet.url, 'POST', '/v1/sessions', { body: other });
    await call(wallet.url, 'PUT', '/v1/account/profile', { token: session.body.token, body: { name: 'Ерлан Камерасыз' } });
    const staff = await call(issuer.url, 'POST', '/v1/staff/sessions', { body: STAFF });
    const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
    const event = await call(issuer.url, 'POST', '/v1/events', {
      token: staff.body.token,
      body: { activity: { name: { ru: 'Посадка деревьев', kk: 'Ағаш отырғызу' }, category: 'ecology', region: 'KZ-55', activityStartDate: today, activityEndDate: today }, checkInUntil: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(event.status).toBe(201);

    const phoneBrowser = await launchBrowser();
    browsers.push(phoneBrowser);
    const phone = await phoneBrowser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'ru-RU' });
    await phone.goto(wallet.url + '/claim');
    await signInThroughPage(phone, other);
    await phone.locator('#my-check-in-show').click();
    await phone.locator('#my-check-in-qr').waitFor({ state: 'visible' });
    const dataUrl = (await phone.locator('#my-check-in-qr').getAttribute('src'))!;
    const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
    const personal = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data;
    expect(personal).toContain('/v1/check-ins/inbox/');
    await shot(phone, 'wallet-event-personal-code');

    const consoleBrowser = await launchBrowser({ camera: await qrVideo(personal) });
    browsers.push(consoleBrowser);
    const coordinator = await (await consoleBrowser.newContext({ viewport: PHONE, locale: 'ru-RU' })).newPage();
    await coordinator.goto(`${issuer.url}/events/${event.body.id}?lang=ru`);
    await coordinator.locator('#signin-login').fill(STAFF.login);
    await coordinator.locator('#signin-password').fill(STAFF.password);
    await coordinator.locator('#signin-form button[type="submit"]').click();
    await coordinator.locator('#scan-volunteer').click();
    await expect.poll(() => coordinator.locator('#scan-status').textContent(), { timeout: 20_000 }).toContain('Отмечен');
    await expect.poll(() => coordinator.locator('#check-ins').textContent(), { timeout: 10_000 }).toContain('Ерлан Камерасыз');
    await expect.poll(() => phone.locator('#my-check-in-status').textContent(), { timeout: 10_000 }).toContain('Посадка деревьев');
  }, 120_000);
});

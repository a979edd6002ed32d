import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { qrPng } from '../../../shared/qr.ts';
import { launchBrowser, qrVideo } from '../../helpers/browser.ts';
import { tempDataDir } from '../../helpers/services.ts';
import { PHONE, createAccount, newVolunteer, screenshot, signInThroughPage, startPassport, type PassportServices } from './passport-services.ts';

/**
 * Claiming by pointing the phone at the organization's QR code: Chromium's fake camera plays a
 * video of the offer's QR code into the page's real getUserMedia, and the page decodes it.
 */
describe('claiming an offer with the camera', () => {
  let services: PassportServices;
  let browser: Browser;
  const volunteer = newVolunteer();
  const photos = tempDataDir('passport-photo-');

  beforeAll(async () => {
    services = await startPassport();
    await createAccount(services.wallet, volunteer);
  });

  afterAll(async () => {
    await browser?.close();
    await services?.stop();
    rmSync(photos, { recursive: true, force: true });
  });

  it('reads the offer QR code through the camera and adds the credential', async () => {
    const offer = await services.offer({
      name: { kk: 'Су тасқынынан кейінгі көмек', ru: 'Помощь после паводка', en: 'Flood relief' },
      project: 'Көктемгі су тасқыны',
      category: 'emergency',
      hours: 12,
      activityStartDate: '2025-04-02',
      activityEndDate: '2025-04-03',
    });
    browser = await launchBrowser({ camera: await qrVideo(offer.offerUri) });
    const page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ru-RU' });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));

    await page.goto(services.wallet.url + '/claim');
    await signInThroughPage(page, volunteer);
    await page.locator('#scan-start').click();
    await expect.poll(() => page.locator('#claimed').textContent(), { timeout: 20_000 }).toContain('Помощь после паводка');
    expect(await page.locator('#scan-video').isHidden()).toBe(true);
    // The frame the code was read from stays on screen in place of the live video.
    expect(await page.locator('canvas.preview').isVisible()).toBe(true);
    await screenshot(page, 'claim-camera');

    await page.goto(services.wallet.url + '/');
    await expect.poll(() => page.locator('#credentials > li').count()).toBe(1);
    expect(await page.locator('#by-category tr').first().textContent()).toContain('Чрезвычайные ситуации');
    expect(errors).toEqual([]);
  });

  it('falls back to a photo of the QR code, and says when a photo holds none', async () => {
    const offer = await services.offer({
      name: { kk: 'Баспана жөндеу', ru: 'Ремонт жилья', en: 'Home repairs' },
      category: 'social',
      hours: 5,
      activityStartDate: '2025-05-10',
      activityEndDate: '2025-05-10',
    });
    const photo = join(photos, 'offer.png');
    writeFileSync(photo, await qrPng(offer.offerUri));
    const otherCode = join(photos, 'other.png');
    writeFileSync(otherCode, await qrPng('https://example.org/volunteers'));
    const noCode = join(photos, 'white.png');
    const white = new PNG({ width: 240, height: 240 });
    white.data.fill(255);
    writeFileSync(noCode, PNG.sync.write(white));

    const page = await browser.newPage({ viewport: PHONE, locale: 'en-GB' });
    await page.goto(services.wallet.url + '/claim');
    await signInThroughPage(page, volunteer);
    await page.locator('#scan-photo').setInputFiles(noCode);
    await expect.poll(() => page.locator('#scan-status').textContent()).toBe('No QR code was found in this photo. Try a sharper photo, closer to the code.');
    await page.locator('#scan-photo').setInputFiles(otherCode);
    await expect.poll(() => page.locator('#scan-status').textContent()).toBe('This QR code is not a credential offer.');
    await page.locator('#scan-photo').setInputFiles(photo);
    await expect.poll(() => page.locator('#claimed').textContent()).toContain('Home repairs');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.ts';
import { PHONE, alertSentence, claimThroughApi, createAccount, newVolunteer, screenshot, signInThroughPage, startPassport, type PassportServices } from './passport-services.ts';

/**
 * Answering an employer's OpenID4VP request from the phone: the page shows who asks, what for and
 * under which conditions, offers only the credentials that fit, and sends the chosen ones to a
 * real verifier, which then reports the presentation verified.
 */
describe('answering a verifier request in the browser', () => {
  let services: PassportServices;
  let browser: Browser;
  let page: Page;
  const volunteer = newVolunteer();

  beforeAll(async () => {
    services = await startPassport({ verifier: true });
    await createAccount(services.wallet, volunteer);
    const trees = await services.offer({
      name: { kk: 'Ағаш отырғызу', ru: 'Посадка деревьев', en: 'Tree planting' },
      category: 'ecology',
      hours: 18.5,
      activityStartDate: '2025-04-20',
      activityEndDate: '2025-04-27',
    });
    const lessons = await services.offer({
      name: { kk: 'Оқушыларға сабақ', ru: 'Уроки для школьников', en: 'Lessons for pupils' },
      category: 'education',
      hours: 6,
      activityStartDate: '2024-10-05',
      activityEndDate: '2024-10-05',
    });
    await claimThroughApi(services.wallet, volunteer, trees.offerUri);
    await claimThroughApi(services.wallet, volunteer, lessons.offerUri);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'kk-KZ' });
  });

  afterAll(async () => {
    await browser?.close();
    await services?.stop();
  });

  it('shows who asks and why, and sends only the chosen credentials', async () => {
    const created = await fetch(`${services.verifier!.url}/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        purpose: { kk: 'Эко-грантқа өтінім', ru: 'Заявка на эко-грант', en: 'Eco grant application' },
        minHours: 10,
        categories: ['ecology'],
      }),
    });
    expect(created.status).toBe(201);
    const request = (await created.json()) as { id: string; requestUri: string; readToken: string };

    await page.goto(services.wallet.url + '/respond');
    await signInThroughPage(page, volunteer);
    await page.locator('#request-uri').fill(request.requestUri);
    await page.locator('#request-form button[type="submit"]').click();
    await page.locator('#request').waitFor({ state: 'visible' });

    expect(await page.locator('#request-client').textContent()).toContain(new URL(services.verifier!.url).host);
    expect(await page.locator('#request-purpose').textContent()).toBe('Эко-грантқа өтінім');
    expect(await page.locator('#request-policy').textContent()).toBe('кемінде 10 сағ; бағыттар: Экология');
    expect(await page.locator('#request-host').textContent()).toBe(`Жауап ${new URL(services.verifier!.url).host} мекенжайына жіберіледі.`);
    // Only the ecology credential fits the request's categories.
    expect(await page.locator('#answer-credentials label.choice').count()).toBe(1);
    expect(await page.locator('#answer-credentials').textContent()).toContain('Ағаш отырғызу');
    await screenshot(page, 'respond');

    await page.locator('#send-answer').click();
    await expect.poll(() => page.locator('#notice').textContent(), { timeout: 15_000 }).toContain('Жіберілді.');
    await expect
      .poll(async () => ((await (await fetch(`${services.verifier!.url}/v1/requests/${request.id}`, { headers: { authorization: `Bearer ${request.readToken}` } })).json()) as { status: string }).status, { timeout: 15_000 })
      .toBe('verified');

    // A request is single use: opening it again is refused, in words.
    await page.locator('#request-uri').fill(request.requestUri);
    await page.locator('#request-form button[type="submit"]').click();
    expect(await alertSentence(page)).toMatch(/^[^A-Za-z]*[А-Яа-яӘәҒғҚқҢңӨөҰұҮүІі][^A-Za-z]*$/);
  });
});

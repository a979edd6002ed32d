import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageQr } from '../../helpers/pdf-qr.ts';
import { screenshotPath } from '../../helpers/screenshots.ts';
import { Passport, type Organization, type Volunteer } from './setup.ts';

const VERIFIER_URL = 'http://verifier.example.kz:4300';
let passport: Passport;
let eco: Organization;
let dana: Volunteer;
let validIds: string[];
let shareUrl: string;
const dir = mkdtempSync(join(tmpdir(), 'wallet-pdf-'));

const TREE = { kk: 'Ағаш отырғызу', ru: 'Посадка деревьев', en: 'Tree planting' };
const SHELTER = { kk: 'Үйсіз жануарлар баспанасына көмек', ru: 'Помощь приюту для животных', en: 'Animal shelter help' };
const FLOOD = { kk: 'Су тасқынынан кейін құм қаптарын толтыру', ru: 'Заполнение мешков с песком после паводка', en: 'Sandbags after the flood' };

/** The PDF's text as poppler reads it, Kazakh letters included only when the font carries them. */
function pdfText(bytes: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The text with the page's layout kept, one line per table row, runs of spaces made one. */
function pdfRows(bytes: Buffer, name: string): string[] {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim());
}

/** Page 1 rendered by pdftoppm, and the QR code decoded from it (undefined when there is none). */
function firstPageQr(bytes: Buffer, name: string): string | undefined {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', file, join(dir, `${name}-page`)]);
  return pageQr(PNG.sync.read(readFileSync(join(dir, `${name}-page.png`))));
}

beforeAll(async () => {
  passport = await Passport.start({ VERIFIER_URL });
  eco = await passport.accredit('eco-qyran');
  dana = await passport.volunteer('dana');
  const activities = [
    { name: TREE, hours: 18.5 },
    { name: SHELTER, hours: 5.25, category: 'animals', activityStartDate: '2024-03-02', activityEndDate: '2024-03-02' },
    { name: FLOOD, hours: 10, category: 'emergency', activityStartDate: '2024-04-05', activityEndDate: '2024-04-06' },
  ];
  for (const a of activities) {
    const recorded = await passport.record(eco, a);
    expect((await passport.claim(dana, recorded.offerUri)).status).toBe(201);
  }
  // The flood help is revoked: it must be listed as revoked and left out of the totals.
  const list = await passport.walletApi('GET', '/v1/credentials', { token: dana.token });
  const flood = list.body.credentials.find((c: { activity: { hours: number } }) => c.activity.hours === 10);
  expect((await passport.issuerApi('POST', `/v1/credentials/${encodeURIComponent(flood.id)}/revoke`, { token: eco.apiKey, body: { reason: 'wrong volunteer' } })).status).toBe(200);
  // The volunteer shares the two valid credentials; the PDF's QR points at that share.
  validIds = list.body.credentials.filter((c: { id: string }) => c.id !== flood.id).map((c: { id: string }) => c.id);
  const share = await passport.walletApi('POST', '/v1/shares', { token: dana.token, body: { credentialIds: validIds, expiresInDays: 90 } });
  expect(share.status).toBe(201);
  shareUrl = share.body.url;
});
afterAll(async () => {
  await passport?.stop();
});

describe('the printable passport', () => {
  it.each([
    ['kk', 'Волонтер паспорты', 'Барлығы: 23,75 сағ', 'Санат Саны Сағат', 'Жануарларды қорғау 1 5,25 сағ', '2024 1 5,25 сағ', 'Барлығы 2 23,75 сағ', '2024 ж. 5–6 сәуір', 'кері қайтарылған', 'Бет 1 / 1'],
    ['ru', 'Паспорт волонтёра', 'Всего: 23,75 ч', 'Направление Кол-во Часы', 'Защита животных 1 5,25 ч', '2025 1 18,5 ч', 'Итого 2 23,75 ч', '5–6 апреля 2024 г.', 'отозвано', 'Стр. 1 из 1'],
    ['en', 'Volunteer passport', 'Total: 23.75 h', 'Category Count Hours', 'Animal protection 1 5.25 h', '2025 1 18.5 h', 'Total 2 23.75 h', '5 – 6 April 2024', 'revoked', 'Page 1 of 1'],
  ] as const)('in %s: a header, the totals as tables, each credential as a row, page numbers', async (lang, title, total, header, category, year, sum, dates, revoked, pageNumber) => {
    const res = await passport.walletApi('GET', `/v1/passport.pdf?lang=${lang}`, { token: dana.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.bytes, `passport-${lang}.pdf`).replace(/\s+/g, ' ');
    const rows = pdfRows(res.bytes, `passport-${lang}-layout.pdf`);
    const has = (line: string) => expect(rows.some((r) => r.includes(line)), `a row with "${line}" in\n${rows.join('\n')}`).toBe(true);
    expect(rows.find(Boolean)).toBe(title);
    expect(text).toContain(dana.did);
    expect(text).toContain('Дана Серікқызы');
    has(total);
    // The totals tables: a header row, one row per category and year with the count and hours, a total row.
    has(header);
    has(category);
    has(year);
    has(sum);
    // The credentials table: the revoked one listed with its status, dates in words.
    expect(text).toContain(TREE[lang]);
    expect(text).toContain(SHELTER[lang]);
    expect(text).toContain(FLOOD[lang].split(' ')[0]);
    expect(text).toContain(dates);
    expect(text).toContain(revoked);
    // Printed date and page number on the page, in words.
    has(pageNumber);
    expect(text).toMatch({ kk: /Басып шығарылды: \d{4} ж\. \d{1,2} [а-яәғқңөұүһі]+/, ru: /Напечатано \d{1,2} [а-яё]+ \d{4} г\./, en: /Printed on \d{1,2} [A-Z][a-z]+ \d{4}/ }[lang]);
    if (lang === 'kk') for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ү', 'ұ', 'і']) expect(text).toContain(letter);
    expect(text).toContain(shareUrl);
    expect(text).not.toMatch(/\bdana\b|Логин|Login/);
    // The first page as a picture, for docs/screenshots when UPDATE_SCREENSHOTS=1.
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, `passport-${lang}.pdf`), screenshotPath(`wallet-passport-pdf-${lang}`)]);
  });

  it('puts the QR of the chosen share on page 1, and it opens the verifier on that share', async () => {
    const share = (await passport.walletApi('GET', '/v1/shares', { token: dana.token })).body.shares[0];
    const res = await passport.walletApi('GET', `/v1/passport.pdf?lang=kk&shareId=${share.id}`, { token: dana.token });
    const decoded = firstPageQr(res.bytes, 'qr-kk.pdf');
    expect(decoded).toBe(share.verifyUrl);
    expect(new URL(decoded!).searchParams.get('presentation')).toBe(share.url);
    expect(decoded!.startsWith(VERIFIER_URL)).toBe(true);
  });

  it('prints the QR of a share the volunteer chose, and makes none itself', async () => {
    const older = (await passport.walletApi('GET', '/v1/shares', { token: dana.token })).body.shares[0];
    const newer = await passport.walletApi('POST', '/v1/shares', { token: dana.token, body: { credentialIds: validIds.slice(0, 1), expiresInDays: 7 } });
    const newest = pdfText((await passport.walletApi('GET', '/v1/passport.pdf?lang=en', { token: dana.token })).bytes, 'newest.pdf');
    expect(newest).toContain(newer.body.url);
    expect(newest).toContain('Credentials behind the link: 1.');
    const chosen = pdfText((await passport.walletApi('GET', `/v1/passport.pdf?lang=en&shareId=${older.id}`, { token: dana.token })).bytes, 'chosen.pdf');
    expect(chosen).toContain(older.url);
    expect(chosen).toContain('Credentials behind the link: 2.');
    expect((await passport.walletApi('GET', '/v1/shares', { token: dana.token })).body.shares).toHaveLength(2);
  });

  it('without a live share, says how to make one and prints no QR', async () => {
    const erlan = await passport.volunteer('erlan');
    const res = await passport.walletApi('GET', '/v1/passport.pdf?lang=ru', { token: erlan.token });
    expect(res.status).toBe(200);
    const text = pdfText(res.bytes, 'no-share.pdf').replace(/\s+/g, ' ');
    expect(text).toContain('В этом документе нет QR-кода');
    expect(text).not.toContain('/p/');
    expect(firstPageQr(res.bytes, 'no-share-qr.pdf')).toBeUndefined();
    expect((await passport.walletApi('GET', '/v1/shares', { token: erlan.token })).body.shares).toEqual([]);
  });

  it('refuses a share that is not the volunteer\'s', async () => {
    const erlan = await passport.walletApi('POST', '/v1/sessions', { body: { login: 'erlan', password: 'a long passphrase 1' } });
    const danaShare = (await passport.walletApi('GET', '/v1/shares', { token: dana.token })).body.shares[0];
    const res = await passport.walletApi('GET', `/v1/passport.pdf?shareId=${danaShare.id}`, { token: erlan.body.token });
    expect(res.status).toBe(404);
    expect((await passport.walletApi('GET', '/v1/passport.pdf?shareId=%3Cx%3E', { token: dana.token })).body).toMatchObject({ code: 'invalid_request', field: 'shareId' });
  });

  it('refuses an unknown language and an anonymous caller', async () => {
    const res = await passport.walletApi('GET', '/v1/passport.pdf?lang=de', { token: dana.token });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request', field: 'lang' });
    expect((await passport.walletApi('GET', '/v1/passport.pdf?lang=kk')).status).toBe(401);
  });

  it('prints the profile name the volunteer set, and never the login', async () => {
    expect((await passport.walletApi('PUT', '/v1/account/profile', { token: dana.token, body: { name: 'Дана Серікқызы Әлиева' } })).status).toBe(200);
    const res = await passport.walletApi('GET', '/v1/passport.pdf?lang=kk', { token: dana.token });
    expect(res.status).toBe(200);
    const text = pdfText(res.bytes, 'named-kk.pdf');
    expect(text).toContain('Дана Серікқызы Әлиева');
    expect(text).not.toMatch(/Логин|Login/);
    expect(text).not.toMatch(/\bdana\b/);
  });
});

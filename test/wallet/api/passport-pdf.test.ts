import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    ['kk', 'Волонтер паспорты', 'Барлығы: 23,75 сағат', 'Жануарларды қорғау: 5,25 сағ.', '2024: 5,25 сағ.', 'кері қайтарылған'],
    ['ru', 'Паспорт волонтёра', 'Всего: 23,75 ч', 'Защита животных: 5,25 ч', '2025: 18,5 ч', 'отозвано'],
    ['en', 'Volunteer passport', 'Total: 23.75 hours', 'Animal protection: 5.25 h', '2025: 18.5 h', 'revoked'],
  ] as const)('in %s: the Kazakh-capable text, the verified totals and each credential', async (lang, title, total, category, year, revoked) => {
    const res = await passport.walletApi('GET', `/v1/passport.pdf?lang=${lang}`, { token: dana.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.bytes, `passport-${lang}.pdf`).replace(/\s+/g, ' ');
    expect(text).toContain(title);
    expect(text).toContain(dana.did);
    expect(text).toContain(total);
    expect(text).toContain(category);
    expect(text).toContain(year);
    expect(text).toContain(TREE[lang]);
    expect(text).toContain(SHELTER[lang]);
    expect(text).toContain(FLOOD[lang]);
    expect(text).toContain(revoked);
    expect(text).toContain('Дана Серікқызы');
    if (lang === 'kk') for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ү', 'ұ', 'і']) expect(text).toContain(letter);
    expect(text).toContain(shareUrl);
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

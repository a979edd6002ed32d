import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/credential/index.ts';
import type { CredentialView } from '../../../wallet/credentials/index.ts';
import { dayRange } from '../../../wallet/pdf/dates.ts';
import { renderPassportPdf, type PassportPdfContent } from '../../../wallet/pdf/render.ts';
import { pageQr } from '../../helpers/pdf-qr.ts';

const dir = mkdtempSync(join(tmpdir(), 'pdf-render-'));
const ORG = { id: 'eco-qyran', name: { kk: 'Эко Қыран', ru: 'Эко Кыран', en: 'Eco Qyran' } };

function credential(i: number): CredentialView {
  return {
    id: `urn:uuid:${i}`,
    issuerDid: 'did:web:issuer.example.kz:orgs:eco-qyran',
    organization: ORG,
    holderName: null,
    activity: {
      achievementType: 'CommunityService',
      name: { kk: `Ағаш отырғызу №${i}`, ru: `Посадка деревьев №${i}`, en: `Tree planting no. ${i}` },
      category: 'ecology',
      region: 'KZ-55',
      activityStartDate: '2025-04-20',
      activityEndDate: '2025-04-27',
      hours: 2.5,
    },
    issuedAt: '2025-04-28T10:00:00.000Z',
    expiresAt: null,
    storedAt: '2025-04-28T10:00:00.000Z',
    source: 'claim',
    status: 'valid',
    statusReasons: [],
    selectiveDisclosure: null,
  } as CredentialView;
}

async function content(lang: Language, count: number): Promise<PassportPdfContent> {
  const verifyUrl = 'https://verifier.example.kz/verify?presentation=https%3A%2F%2Fwallet.example.kz%2Fp%2Fabc';
  return {
    lang,
    holderName: 'Дана Серікқызы',
    did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    printedAt: new Date('2026-03-05T20:30:00Z'),
    totals: {
      totalHours: 2.5 * count,
      counted: count,
      byCategory: [{ category: 'ecology', hours: 2.5 * count, count }],
      byYear: [{ year: 2025, hours: 2.5 * count, count }],
      byOrganization: [{ did: 'did:web:x', id: ORG.id, name: ORG.name, hours: 2.5 * count, count }],
      excluded: { total: 0, byStatus: {} },
    },
    credentials: Array.from({ length: count }, (_, i) => credential(i + 1)),
    share: { url: 'https://wallet.example.kz/p/abc', verifyUrl, expiresAt: '2026-06-01T00:00:00Z', credentialCount: count },
  };
}

function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).replace(/[ \u00a0]+/g, ' ');
}

function pageImageQr(file: string, page: number): string | undefined {
  const out = join(dir, `page-${page}`);
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', String(page), '-l', String(page), '-singlefile', file, out]);
  return pageQr(PNG.sync.read(readFileSync(`${out}.png`)));
}

describe('the passport PDF layout', () => {
  it('numbers every page, prints the date on each, repeats the table header, and keeps the QR on page 1', async () => {
    const file = join(dir, 'long-ru.pdf');
    writeFileSync(file, await renderPassportPdf(await content('ru', 60)));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let n = 1; n <= pages; n++) {
      const text = pageText(file, n);
      expect(text).toContain(`Стр. ${n} из ${pages}`);
      // 20:30 UTC is already the next day in Kazakhstan: the printed day is Almaty's.
      expect(text).toContain('Напечатано 6 марта 2026 г.');
      expect(text).toMatch(/Мероприятие Организация Даты Часы Статус/);
    }
    expect(pageImageQr(file, 1)).toBe('https://verifier.example.kz/verify?presentation=https%3A%2F%2Fwallet.example.kz%2Fp%2Fabc');
    expect(pageImageQr(file, 2)).toBeUndefined();
    const all = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (let i = 1; i <= 60; i++) expect(all).toContain(`Посадка деревьев №${i}`);
  });

  it('writes dates as words in Kazakh, Russian and English (Node\'s ICU has the Kazakh months)', () => {
    expect(new Intl.DateTimeFormat('kk', { month: 'long', timeZone: 'UTC' }).format(new Date('2026-03-05T00:00:00Z')).toLowerCase()).toBe('наурыз');
    // ICU puts narrow no-break spaces in some of these; the reader sees spaces.
    const range = (start: string, end: string, lang: Language) => dayRange(start, end, lang).replace(/\s/g, ' ');
    expect(range('2025-04-20', '2025-04-27', 'kk')).toBe('2025 ж. 20–27 сәуір');
    expect(range('2025-04-20', '2025-04-27', 'ru')).toBe('20–27 апреля 2025 г.');
    expect(range('2024-12-30', '2025-01-02', 'ru')).toBe('30 декабря 2024 г. – 2 января 2025 г.');
    expect(range('2024-03-02', '2024-03-02', 'en')).toBe('2 March 2024');
    expect(range('2024-03-02', '2024-03-02', 'kk')).toBe('2024 ж. 2 наурыз');
  });
});

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_HEADERS } from '../../../issuer/activities/sheet/columns.ts';
import { call, claimByHand, newHolder, startIssuer, type IssuerUnderTest, type Organization } from '../issuance/setup.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WALLET = 'https://wallet.passport.example.kz';

let t: IssuerUnderTest;
let org: Organization;

beforeAll(async () => {
  t = await startIssuer({ WALLET_URL: WALLET });
  org = await t.accredit('upload-org');
}, 60_000);
afterAll(() => t?.issuer.stop());

async function upload(bytes: Buffer | string, type: string, query = '', key = org.apiKey, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.issuer.url}/v1/activities/batch${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': type, ...headers },
    body: typeof bytes === 'string' ? bytes : new Uint8Array(bytes),
  });
  return { status: res.status, uploadId: res.headers.get('upload-id'), body: (await res.json()) as any };
}

async function total(key: string): Promise<number> {
  return (await t.api('GET', '/v1/activities?limit=1&counts=true', { token: key })).body.counts.total;
}

/** A Kazakh-header workbook, as a coordinator fills the template: Excel date cells, hours as numbers, names for category and region. */
async function kazakhWorkbook(rows: [string, string, Date, Date, number | string, string][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Іс-шаралар');
  const h = COLUMN_HEADERS.kk;
  ws.addRow([h.volunteer_name, h.name_kk, h.category, h.region, h.start_date, h.end_date, h.hours, h.volunteer_email]);
  for (const [name, activity, start, end, hours, region] of rows) ws.addRow([name, activity, 'Экология', region, start, end, hours, null]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const day = (d: number) => new Date(Date.UTC(2026, 3, d));

describe('uploading a spreadsheet', () => {
  it('reads an .xlsx with Kazakh headers and Excel date cells; a dry run records nothing; a re-upload records nothing twice', async () => {
    const fresh = await t.accredit('xlsx-org');
    const book = await kazakhWorkbook([
      ['Айгерім Сейтқали', 'Ағаш отырғызу', day(20), day(27), 18.5, 'Павлодар облысы'],
      ['Бекзат Нұров', 'Ағаш отырғызу', day(20), day(20), 30, 'Павлодар облысы'],
      ['Гүлнар Ахметова', 'Ағаш отырғызу', day(21), day(21), 4, 'Марс облысы'],
    ]);
    const dry = await upload(book, XLSX, '?dryRun=true&lang=kk', fresh.apiKey);
    expect(dry.status).toBe(200);
    expect(dry.body[0]).toMatchObject({ row: 1, status: 'ready', preview: { volunteer: 'Айгерім Сейтқали', startDate: '2026-04-20', endDate: '2026-04-27', hours: 18.5 } });
    expect(dry.body[1].error).toMatchObject({ reason: 'too_many_hours', header: 'Сағат', cell: 'G3' });
    expect(dry.body[1].error.message).toContain('«Сағат» (G3)');
    expect(dry.body[2].error).toMatchObject({ reason: 'unknown_region', header: 'Өңір', cell: 'D4' });
    expect(dry.uploadId).toBeNull();
    expect(await total(fresh.apiKey)).toBe(0);

    const first = await upload(book, XLSX, '', fresh.apiKey);
    expect(first.body[0]).toMatchObject({ row: 1, status: 'offered', uploadId: first.uploadId });
    expect(first.body[0].claimUrl).toBe(`${WALLET}/claim?offer=${encodeURIComponent(first.body[0].offerUri)}`);
    expect(await total(fresh.apiKey)).toBe(1);

    const again = await upload(book, XLSX, '?dryRun=true', fresh.apiKey);
    expect(again.body[0]).toMatchObject({ status: 'recorded', id: first.body[0].id });
    const second = await upload(book, XLSX, '', fresh.apiKey);
    expect(second.body[0].id).toBe(first.body[0].id);
    expect(await total(fresh.apiKey)).toBe(1);

    const recorded = await t.api('GET', `/v1/activities/${first.body[0].id}`, { token: fresh.apiKey });
    expect(recorded.body).toMatchObject({
      volunteer: { name: 'Айгерім Сейтқали' },
      activity: { name: { kk: 'Ағаш отырғызу' }, category: 'ecology', region: 'KZ-55', activityStartDate: '2026-04-20', activityEndDate: '2026-04-27', hours: 18.5 },
      uploadId: first.uploadId,
    });
    expect(recorded.body.claimUrl.startsWith(`${WALLET}/claim?offer=`)).toBe(true);
    const listed = await t.api('GET', `/v1/activities?upload=${first.uploadId}`, { token: fresh.apiKey });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([first.body[0].id]);
  });

  it('reads a Windows-1251 CSV with Russian headers, dd.mm.yyyy and decimal commas, and names problems in Russian on the user\'s header', async () => {
    const fresh = await t.accredit('cp1251-org');
    const text = [
      'ФИО;Название (на русском);Категория;Регион;Дата начала;Дата окончания;Часы;Email волонтёра;Язык письма',
      'Анна Петрова;Уборка парка;Экология;Павлодарская область;20.04.2026;20.04.2026;4,5;anna@example.kz;ru',
      'Иван Сидоров;Уборка парка;Экология;Павлодарская область;31.02.2026;20.04.2026;4,5;;',
      'Ольга Ким;Уборка парка;Котики;Павлодарская область;20.04.2026;20.04.2026;3;;',
    ].join('\r\n');
    const bytes = iconv.encode(text, 'win1251');
    expect(bytes.includes(Buffer.from('Анна'))).toBe(false);
    const res = await upload(bytes, 'text/csv', '', fresh.apiKey, { 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(res.status).toBe(200);
    expect(res.body[0]).toMatchObject({ row: 1, status: 'offered' });
    expect(res.body[1].error).toMatchObject({ field: 'Дата начала', reason: 'bad_date', cell: '3:Дата начала' });
    expect(res.body[1].error.message).toMatch(/^«Дата начала» \(3:Дата начала\): дата должна быть/);
    expect(res.body[2].error).toMatchObject({ field: 'Категория', reason: 'unknown_category' });
    expect(res.body[2].error.message).toContain('такой категории нет');
    const anna = await t.api('GET', `/v1/activities/${res.body[0].id}`, { token: fresh.apiKey });
    expect(anna.body).toMatchObject({ volunteer: { name: 'Анна Петрова', email: 'anna@example.kz', language: 'ru' }, activity: { hours: 4.5, name: { ru: 'Уборка парка' } } });
  });

  it('lists the earlier uploads, newest first, with what became of their rows, to this organization only', async () => {
    const fresh = await t.accredit('uploads-org');
    const first = await upload(await kazakhWorkbook([
      ['Айгерім Сейтқали', 'Ағаш отырғызу', day(20), day(20), 4, 'KZ-55'],
      ['Бекзат Нұров', 'Ағаш отырғызу', day(20), day(20), 5, 'KZ-55'],
    ]), XLSX, '', fresh.apiKey);
    const secondBook = await kazakhWorkbook([
      ['Дана Әлиева', 'Саябақты тазалау', day(22), day(22), 3, 'KZ-55'],
      ['Ерлан Омаров', 'Саябақты тазалау', day(22), day(22), 3, 'KZ-55'],
      ['Жанар Қасым', 'Саябақты тазалау', day(22), day(22), 3, 'KZ-55'],
    ]);
    const second = await upload(secondBook, XLSX, '', fresh.apiKey);
    // Uploaded again, the same rows stay the first upload's: the repeat owns no rows and is not listed.
    await upload(secondBook, XLSX, '', fresh.apiKey);
    // One activity recorded on its own belongs to no upload.
    expect((await t.api('POST', '/v1/activities', { token: fresh.apiKey, body: { volunteer: { name: 'Зере Болат' }, activity: { name: { kk: 'Жеке' }, category: 'social', region: 'KZ-55', activityStartDate: '2026-04-01', activityEndDate: '2026-04-01', hours: 2 } } })).status).toBe(201);

    expect((await t.api('POST', `/v1/activities/${second.body[0].id}/withdraw`, { token: fresh.apiKey, body: { reason: 'жазу қатесі' } })).status).toBe(200);
    expect((await claimByHand(t, first.body[1].offerUri, newHolder())).status).toBe(200);

    const listed = await t.api('GET', '/v1/activities/uploads', { token: fresh.apiKey });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      { uploadId: second.uploadId, recordedAt: expect.any(String), activities: 3, claimed: 0, withdrawn: 1 },
      { uploadId: first.uploadId, recordedAt: expect.any(String), activities: 2, claimed: 1, withdrawn: 0 },
    ]);
    expect(Date.parse(listed.body.items[0].recordedAt)).toBeGreaterThanOrEqual(Date.parse(listed.body.items[1].recordedAt));
    // What each lists is what `?upload=` filters.
    const filtered = await t.api('GET', `/v1/activities?upload=${first.uploadId}&counts=true`, { token: fresh.apiKey });
    expect(filtered.body.counts).toMatchObject({ total: 2, claimed: 1 });

    expect((await t.api('GET', '/v1/activities/uploads', { token: org.apiKey })).body.items.map((u: { uploadId: string }) => u.uploadId)).not.toContain(first.uploadId);
    expect((await t.api('GET', '/v1/activities/uploads')).status).toBe(401);
  });

  it('records 5,000 rows of one workbook in one request, and none again on a second upload', async () => {
    const fresh = await t.accredit('five-thousand-org');
    const rows = Array.from({ length: 5_000 }, (_, i) => [`Волонтёр ${i} Қасымұлы`, `Ағаш отырғызу ${i % 7}`, day(1 + (i % 25)), day(1 + (i % 25)), 4, 'KZ-55'] as [string, string, Date, Date, number, string]);
    const book = await kazakhWorkbook(rows);
    const res = await upload(book, XLSX, '', fresh.apiKey);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(5_000);
    expect(res.body.every((r: { id?: string }) => r.id)).toBe(true);
    expect(await total(fresh.apiKey)).toBe(5_000);
    const again = await upload(book, XLSX, '', fresh.apiKey);
    expect(again.body.map((r: { id: string }) => r.id)).toEqual(res.body.map((r: { id: string }) => r.id));
    expect(await total(fresh.apiKey)).toBe(5_000);
  }, 180_000);

  it('gives templates per language that upload as they are', async () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const xlsx = await call(t.issuer.url, 'GET', `/v1/activities/template.xlsx?lang=${lang}`, { token: org.apiKey });
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toContain(XLSX);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      expect(wb.worksheets).toHaveLength(2);
      expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe(COLUMN_HEADERS[lang].volunteer_name);
      expect(wb.worksheets[1]!.getColumn(2).values).toContain(lang === 'ru' ? 'Павлодарская область' : lang === 'kk' ? 'Павлодар облысы' : 'Pavlodar Region');
      const dry = await upload(xlsx.bytes, XLSX, '?dryRun=true');
      expect(dry.body).toEqual([expect.objectContaining({ row: 1, status: 'ready' })]);

      const csv = await call(t.issuer.url, 'GET', `/v1/activities/template.csv?lang=${lang}`, { token: org.apiKey });
      expect(csv.text.split('\r\n')[0]).toContain(COLUMN_HEADERS[lang].hours);
      expect((await upload(csv.bytes, 'text/csv', '?dryRun=true')).body).toEqual([expect.objectContaining({ row: 1, status: 'ready' })]);
    }
  });
});

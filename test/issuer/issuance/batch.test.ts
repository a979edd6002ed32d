import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, startIssuer, type IssuerUnderTest, type Organization } from './setup.ts';

let t: IssuerUnderTest;
let org: Organization;
const csv = (text: string, key = org.apiKey) => t.api('POST', '/v1/activities/batch', { token: key, raw: text, type: 'text/csv; charset=utf-8' });

beforeAll(async () => {
  t = await startIssuer();
  org = await t.accredit('batch-org');
}, 60_000);
afterAll(() => t?.issuer.stop());

async function count(key: string): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const res: any = await t.api('GET', `/v1/activities?limit=500${cursor ? `&cursor=${cursor}` : ''}`, { token: key });
    n += res.body.items.length;
    cursor = res.body.nextCursor;
  } while (cursor);
  return n;
}

describe('a JSON batch', () => {
  it('records the good rows and says why the bad ones were refused', async () => {
    const fresh = await t.accredit('json-batch-org');
    const rows = [
      { volunteer: { name: 'Айгерім' }, activity: activity(), idempotencyKey: 'j-1' },
      { volunteer: { name: 'Бекзат' }, activity: activity({ hours: 0 }) },
      { volunteer: { name: 'Гүлнар' }, activity: activity({ region: 'KZ-99' }) },
      'not an object',
      { volunteer: { name: 'Дәурен' }, activity: activity({ category: 'sport' }), idempotencyKey: 'j-2' },
    ];
    const res = await t.api('POST', '/v1/activities/batch', { token: fresh.apiKey, body: rows });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(5);
    expect(res.body.map((r: { row: number }) => r.row)).toEqual([1, 2, 3, 4, 5]);
    expect(res.body[0]).toMatchObject({ row: 1, status: 'offered' });
    expect(res.body[0].offerUri).toMatch(/^openid-credential-offer:/);
    expect(res.body[1].error).toMatchObject({ code: 'invalid_request', field: 'activity.hours' });
    expect(res.body[2].error).toMatchObject({ field: 'activity.region' });
    expect(res.body[3].error).toMatchObject({ field: 'body' });
    expect(res.body[4].id).toBeDefined();
    expect(await count(fresh.apiKey)).toBe(2);

    const replay = await t.api('POST', '/v1/activities/batch', { token: fresh.apiKey, body: [rows[4], rows[0]] });
    expect(replay.body.map((r: { id: string }) => r.id)).toEqual([res.body[4].id, res.body[0].id]);
    expect(await count(fresh.apiKey)).toBe(2);
  });

  it('refuses what is not a non-empty array', async () => {
    expect((await t.api('POST', '/v1/activities/batch', { token: org.apiKey, body: { rows: [] } })).body).toMatchObject({ status: 400, field: 'body' });
    expect((await t.api('POST', '/v1/activities/batch', { token: org.apiKey, body: [] })).body).toMatchObject({ status: 400 });
    expect((await t.api('POST', '/v1/activities/batch', { token: org.apiKey, raw: '<rows/>', type: 'application/xml' })).body).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    // Read an item at a time, the body is still refused whole when any of it is not JSON.
    const broken = `[${JSON.stringify({ volunteer: { name: 'Broken' }, activity: activity() })},{"volunteer":}]`;
    expect((await t.api('POST', '/v1/activities/batch', { token: org.apiKey, raw: broken, type: 'application/json' })).body).toMatchObject({ status: 400, code: 'invalid_request' });
  });
});

describe('a CSV batch', () => {
  const header = 'volunteer_name,name_kk,name_ru,category,region,start_date,end_date,hours,project,idempotency_key';

  it('reads Cyrillic and Kazakh letters, columns in any order, and reports bad rows by column', async () => {
    const fresh = await t.accredit('csv-org');
    const text = [
      header,
      'Әлия Нұрланқызы,Қоқыс жинау,Уборка мусора,ecology,KZ-55,2026-03-01,2026-03-01,"4,5",Эко бақылау,c-1',
      'Ұлан Өтеулиев,Кітап оқу,Чтение книг,education,KZ-71,2026-03-02,2026-03-03,6,Білім волонтерлері,c-2',
      'Іңкәр,Ән,Песня,culture,KZ-99,2026-03-02,2026-03-03,6,,c-3',
      'Шолпан,Көмек,Помощь,social,KZ-75,2026-03-05,2026-03-04,2,,c-4',
      'Сәкен,Көмек,Помощь,social,KZ-75,2026-03-05,2026-03-05,many,,c-5',
      'short,row',
    ].join('\r\n');
    const res = await csv('\uFEFF' + text, fresh.apiKey);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(6);
    expect(res.body[0]).toMatchObject({ row: 1, status: 'offered' });
    expect(res.body[1]).toMatchObject({ row: 2, status: 'offered' });
    expect(res.body[2].error).toMatchObject({ field: 'region' });
    expect(res.body[3].error).toMatchObject({ field: 'end_date' });
    expect(res.body[4].error).toMatchObject({ field: 'hours' });
    expect(res.body[5].error).toMatchObject({ field: 'row' });
    const first = await t.api('GET', `/v1/activities/${res.body[0].id}`, { token: fresh.apiKey });
    expect(first.body).toMatchObject({
      volunteer: { name: 'Әлия Нұрланқызы' },
      activity: { name: { kk: 'Қоқыс жинау', ru: 'Уборка мусора' }, project: 'Эко бақылау', hours: 4.5 },
      idempotencyKey: 'c-1',
    });

    const reordered = ['idempotency_key;hours;end_date;start_date;region;category;name_en;volunteer_name', 'c-6;2;2026-03-07;2026-03-07;KZ-11;animals;Shelter;Мәди'].join('\n');
    const second = await csv(reordered, fresh.apiKey);
    expect(second.body[0]).toMatchObject({ row: 1, status: 'offered' });

    const replay = await csv(text, fresh.apiKey);
    expect(replay.body[0].id).toBe(res.body[0].id);
    expect(replay.body[1].id).toBe(res.body[1].id);
    expect(await count(fresh.apiKey)).toBe(3);
  });

  it('refuses unknown, repeated and missing columns as a whole', async () => {
    const unknown = await csv('volunteer_name,name_en,category,region,start_date,end_date,hours,shoe_size\nA,x,ecology,KZ-55,2026-01-01,2026-01-01,1,42');
    expect(unknown.body).toMatchObject({ status: 400, code: 'invalid_request', field: 'shoe_size' });
    expect(unknown.body.detail).toContain('shoe_size');
    const repeated = await csv('volunteer_name,name_en,name_en,category,region,start_date,end_date,hours\nA,x,y,ecology,KZ-55,2026-01-01,2026-01-01,1');
    expect(repeated.body).toMatchObject({ status: 400, field: 'name_en' });
    const missing = await csv('volunteer_name,name_en,category,region,start_date,end_date\nA,x,ecology,KZ-55,2026-01-01,2026-01-01');
    expect(missing.body).toMatchObject({ status: 400, field: 'hours' });
  });
});

describe('a large batch', () => {
  const row = (i: number) => `Волонтёр ${i} Қасымұлы,Ағаш отырғызу ${i},Посадка деревьев ${i},ecology,KZ-55,2026-04-20,2026-04-27,18.5,Жас ағаш,big-${i}`;
  const header = 'volunteer_name,name_kk,name_ru,category,region,start_date,end_date,hours,project,idempotency_key';

  it('records 10,000 CSV rows in one request, once, even when replayed', async () => {
    const fresh = await t.accredit('big-batch-org');
    const text = [header, ...Array.from({ length: 10_000 }, (_, i) => row(i))].join('\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(1024 * 1024);
    // How fast is npm run bench's question (a 100,000-row batch); a timed test flakes on a shared machine.
    const res = await csv(text, fresh.apiKey);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(10_000);
    expect(res.body.every((r: { id?: string; error?: unknown }) => r.id && !r.error)).toBe(true);
    expect(new Set(res.body.map((r: { id: string }) => r.id)).size).toBe(10_000);
    const replay = await csv(text, fresh.apiKey);
    expect(replay.body.map((r: { id: string }) => r.id)).toEqual(res.body.map((r: { id: string }) => r.id));
    expect(await count(fresh.apiKey)).toBe(10_000);
  }, 180_000);

  it('refuses more than 10,000 rows and more than 10 MiB with 413', async () => {
    const tooMany = [header, ...Array.from({ length: 10_001 }, (_, i) => row(i))].join('\n');
    expect((await csv(tooMany)).body).toMatchObject({ status: 413, code: 'payload_too_large' });
    const tooBig = [header, ...Array.from({ length: 9_000 }, (_, i) => row(i).replace('Жас ағаш', 'Ж'.repeat(600)))].join('\n');
    expect(Buffer.byteLength(tooBig)).toBeGreaterThan(10 * 1024 * 1024);
    expect((await csv(tooBig)).body).toMatchObject({ status: 413, code: 'payload_too_large' });
    const json = Array.from({ length: 10_001 }, () => ({ volunteer: { name: 'A' }, activity: activity() }));
    expect((await t.api('POST', '/v1/activities/batch', { token: org.apiKey, body: json })).body).toMatchObject({ status: 413 });
  }, 60_000);

  it('keeps the 1 MiB limit everywhere else', async () => {
    const big = { volunteer: { name: 'A' }, activity: activity(), padding: 'x'.repeat(1_100_000) };
    expect((await t.api('POST', '/v1/activities', { token: org.apiKey, body: big })).body).toMatchObject({ status: 413, code: 'payload_too_large' });
  });
});

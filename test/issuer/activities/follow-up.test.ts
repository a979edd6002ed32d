import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardQr } from '../../helpers/pdf-qr.ts';
import { screenshotPath } from '../../helpers/screenshots.ts';
import { activity, call, claimByHand, newHolder, startIssuer, type IssuerUnderTest, type Organization } from '../issuance/setup.ts';

const WALLET = 'https://wallet.passport.example.kz';

let t: IssuerUnderTest;
let org: Organization;

beforeAll(async () => {
  t = await startIssuer({ WALLET_URL: WALLET });
  org = await t.accredit('follow-up-org');
}, 60_000);
afterAll(() => t?.issuer.stop());

async function record(name: string, overrides: Record<string, unknown> = {}) {
  const res = await t.api('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name }, activity: activity(overrides) } });
  expect(res.status).toBe(201);
  return res.body as { id: string; offerUri: string; claimUrl: string };
}

/** Renders a PDF's first page with pdftoppm and decodes the QR codes found in each card's corner. */
function pdfPages(pdf: Buffer, screenshot?: string): { text: string; firstPage: PNG } {
  const dir = mkdtempSync(join(tmpdir(), 'cards-'));
  try {
    writeFileSync(join(dir, 'cards.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'cards.pdf'), '-']).toString();
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', join(dir, 'cards.pdf'), join(dir, 'page')]);
    const file = readdirSync(dir).find((f) => f.endsWith('.png'))!;
    if (screenshot) copyFileSync(join(dir, file), screenshotPath(screenshot));
    return { text, firstPage: PNG.sync.read(readFileSync(join(dir, file))) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('cards to hand out', () => {
  it('prints a selection on A4, eight to a page, each with the volunteer, the activity, the dates, the lapse date, kk and ru help, and a QR of the https claim link', async () => {
    const made = [];
    for (let i = 0; i < 9; i++) made.push(await record(`Волонтёр Карточка ${i}`, { hours: 4 + i }));
    const ids = made.map((m) => m.id).join(',');
    // Every request first, then the slow rendering: a connection idle past the server's keep-alive is not reused mid-close.
    const res = await call(t.issuer.url, 'GET', `/v1/activities/cards.pdf?ids=${ids}&lang=ru`, { token: org.apiKey });
    const reprint = await call(t.issuer.url, 'GET', `/v1/activities/cards.pdf?ids=${made[0]!.id}`, { token: org.apiKey });
    expect((await call(t.issuer.url, 'GET', '/v1/activities/cards.pdf', { token: org.apiKey })).body).toMatchObject({ status: 400, field: 'ids' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pages = pdfPages(res.bytes, 'org-cards.png');
    const firstPage = pages.firstPage;
    const text = pages.text.replace(/[ \n]+/g, ' ');
    expect(text).toContain('Волонтёр Карточка 0');
    expect(text).toContain('Посадка деревьев');
    expect(text).toContain('20.04.2026–27.04.2026');
    expect(text).toContain('Действует до:');
    expect(text).toContain('камерасымен');
    expect(text).toContain('Отсканируйте');
    expect(text).toContain('Организация follow-up-org');
    expect(pages.text.split('\f').filter((p) => p.trim()).length).toBe(2);
    expect(firstPage.width).toBeLessThan(firstPage.height);
    const qr = cardQr(firstPage, 0, 0);
    expect(qr).toBe(made[0]!.claimUrl);
    expect(qr!.startsWith(`${WALLET}/claim?offer=`)).toBe(true);
    expect(cardQr(pdfPages(reprint.bytes).firstPage, 0, 0)).toBe(made[0]!.claimUrl);
  });
});

describe('withdrawing and revoking', () => {
  it('withdraws an unclaimed offer for good, refuses to withdraw a claimed one, and revokes it with a reason', async () => {
    const a = await record('Қайтарылатын');
    const w = await t.api('POST', `/v1/activities/${a.id}/withdraw`, { token: org.apiKey, body: { reason: 'recorded by mistake' } });
    expect(w.body).toMatchObject({ id: a.id, status: 'withdrawn', reason: 'recorded by mistake' });
    expect((await t.api('GET', `/v1/activities/${a.id}`, { token: org.apiKey })).body).toMatchObject({ status: 'withdrawn' });
    expect((await t.api('GET', `/v1/activities/${a.id}`, { token: org.apiKey })).body.claimUrl).toBeUndefined();
    await expect(claimByHand(t, a.offerUri, newHolder())).rejects.toThrow();

    const b = await record('Алған');
    const issued = await claimByHand(t, b.offerUri, newHolder());
    expect(issued.status).toBe(200);
    const refused = await t.api('POST', `/v1/activities/${b.id}/withdraw`, { token: org.apiKey, body: {} });
    expect(refused.body).toMatchObject({ status: 409, code: 'conflict' });
    const revoked = await t.api('POST', `/v1/credentials/${b.id}/revoke`, { token: org.apiKey, body: { reason: 'hours were wrong' } });
    expect(revoked.body).toMatchObject({ status: 'revoked', reason: 'hours were wrong' });
    expect((await t.api('GET', `/v1/activities/${b.id}`, { token: org.apiKey })).body).toMatchObject({ status: 'revoked' });
    const other = await t.accredit('follow-up-other');
    expect((await t.api('POST', `/v1/activities/${a.id}/withdraw`, { token: other.apiKey, body: {} })).body).toMatchObject({ status: 404 });
  });
});

describe('the activities list', () => {
  it('filters by status, project, dates and name, counts by status, and exports CSV and .xlsx', async () => {
    const fresh = await t.accredit('list-org');
    const rec = (name: string, o: Record<string, unknown>) => t.api('POST', '/v1/activities', { token: fresh.apiKey, body: { volunteer: { name }, activity: activity(o) } });
    const one = (await rec('Сәуле Омарова', { project: 'Жас ағаш', activityStartDate: '2026-03-01', activityEndDate: '2026-03-01', hours: 3 })).body;
    await rec('Марат Ахметов', { project: 'Эко бақылау', activityStartDate: '2026-05-01', activityEndDate: '2026-05-02', hours: 5 });
    const gone = (await rec('Сәуле Ким', { project: 'Жас ағаш', activityStartDate: '2026-06-01', activityEndDate: '2026-06-01', hours: 2 })).body;
    await t.api('POST', `/v1/activities/${gone.id}/withdraw`, { token: fresh.apiKey, body: {} });
    const list = (q: string) => t.api('GET', `/v1/activities?${q}`, { token: fresh.apiKey });
    expect((await list('project=Жас%20ағаш')).body.items).toHaveLength(2);
    expect((await list('from=2026-04-01&to=2026-05-31')).body.items.map((a: any) => a.volunteer.name)).toEqual(['Марат Ахметов']);
    expect((await list('q=сәуле')).body.items).toHaveLength(2);
    expect((await list('q=сәуле&status=offered')).body.items.map((a: any) => a.id)).toEqual([one.id]);
    expect((await list('counts=true')).body.counts).toEqual({ offered: 2, claimed: 0, revoked: 0, withdrawn: 1, expired: 0, total: 3 });
    expect((await list('from=2026-13-01')).body).toMatchObject({ status: 400, field: 'from' });

    const csv = await call(t.issuer.url, 'GET', '/v1/activities/export.csv?project=Жас%20ағаш', { token: fresh.apiKey });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('volunteer_name;');
    expect(csv.text).toContain('Сәуле Омарова');
    const xlsx = await call(t.issuer.url, 'GET', '/v1/activities/export.xlsx', { token: fresh.apiKey });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(4);
  });
});

describe('projects', () => {
  it('keeps the organization\'s own list of projects', async () => {
    const fresh = await t.accredit('projects-org');
    const add = (name: string) => t.api('POST', '/v1/projects', { token: fresh.apiKey, body: { name } });
    const first = await add('Жас ағаш');
    expect(first.status).toBe(201);
    expect((await add('Жас ағаш')).status).toBe(200);
    await add('Эко бақылау');
    expect((await t.api('GET', '/v1/projects', { token: fresh.apiKey })).body.projects.map((p: any) => p.name)).toEqual(['Жас ағаш', 'Эко бақылау']);
    expect((await t.api('GET', '/v1/projects', { token: org.apiKey })).body.projects).toEqual([]);
    expect((await t.api('DELETE', `/v1/projects/${first.body.id}`, { token: org.apiKey })).status).toBe(404);
    expect((await t.api('DELETE', `/v1/projects/${first.body.id}`, { token: fresh.apiKey })).status).toBe(204);
    expect((await add('')).body).toMatchObject({ status: 400, field: 'name' });
    expect((await t.api('GET', '/v1/projects')).status).toBe(401);
  });
});

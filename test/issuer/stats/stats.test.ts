import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, activity, claimByHand, newHolder, startIssuer, type Holder, type IssuerUnderTest, type Organization } from '../issuance/setup.ts';
import { directCount, MEASURES, type MadeActivity } from './direct-count.ts';

/**
 * The accounting against a direct count over data made here through the real issuer: activities
 * recorded with organizations' keys, credentials claimed over OpenID4VCI with did:keys made in the
 * test, one revoked, one offer withdrawn, one left unclaimed. The cells are chosen so that some
 * count exactly 4 volunteers and some exactly 5.
 */
let t: IssuerUnderTest;
let eco: Organization;
let care: Organization;
let bilim: Organization;
let pavlodarOffice: string;
let astanaOffice: string;
const made: MadeActivity[] = [];

async function frontOffice(id: string, region: string): Promise<string> {
  const res = await t.api('POST', '/v1/front-offices', { token: ADMIN, body: { id, name: { kk: `${id} kk`, ru: `${id} ru`, en: `${id} en` }, region } });
  if (res.status !== 201) throw new Error(`front office ${id}: ${res.status} ${res.text}`);
  return res.body.apiKey;
}

async function record(org: Organization, fields: Omit<MadeActivity, 'organization' | 'holder' | 'revoked' | 'withdrawn' | 'id'>, holder?: Holder, fate: 'keep' | 'revoke' | 'withdraw' = 'keep'): Promise<void> {
  const res = await t.api('POST', '/v1/activities', {
    token: org.apiKey,
    body: {
      volunteer: { name: 'Тест Волонтер' },
      activity: activity({
        category: fields.category,
        region: fields.region,
        project: fields.project ?? undefined,
        activityStartDate: fields.end,
        activityEndDate: fields.end,
        hours: fields.hours,
      }),
    },
  });
  if (res.status !== 201) throw new Error(`recording: ${res.status} ${res.text}`);
  if (holder) {
    const claimed = await claimByHand(t, res.body.offerUri, holder);
    if (claimed.status !== 200) throw new Error(`claiming: ${claimed.status} ${claimed.text}`);
  }
  if (fate !== 'keep') {
    const revoked = await t.api('POST', `/v1/credentials/${res.body.id}/revoke`, { token: org.apiKey, body: { reason: 'recorded in error' } });
    if (revoked.status !== 200) throw new Error(`revoking: ${revoked.status} ${revoked.text}`);
  }
  made.push({ ...fields, id: res.body.id, organization: org.id, holder: holder?.did ?? null, revoked: fate === 'revoke', withdrawn: fate === 'withdraw' });
}

const stats = (query = '', token = ADMIN) => t.api('GET', `/v1/stats${query}`, { token });

beforeAll(async () => {
  t = await startIssuer();
  eco = await t.accredit('stats-eco', 'KZ-55');
  care = await t.accredit('stats-care', 'KZ-55');
  bilim = await t.accredit('stats-bilim', 'KZ-71');
  pavlodarOffice = await frontOffice('fo-stats-pavlodar', 'KZ-55');
  astanaOffice = await frontOffice('fo-stats-astana', 'KZ-71');
  const h = Array.from({ length: 8 }, () => newHolder());
  // April, ecology in Pavlodar: five volunteers (a cell of exactly 5).
  for (let i = 0; i < 5; i++) await record(eco, { category: 'ecology', region: 'KZ-55', project: 'Жас ағаш', end: `2026-04-1${i}`, hours: 4 + i }, h[i]);
  // March, social help in Pavlodar by one organization: four volunteers (a cell of exactly 4) …
  for (let i = 0; i < 4; i++) await record(care, { category: 'social', region: 'KZ-55', project: 'Қамқор', end: '2026-03-05', hours: 3 }, h[i]);
  // … and a fifth with another organization, so March and social help count 5.
  await record(eco, { category: 'social', region: 'KZ-55', project: 'Қамқор', end: '2026-03-20', hours: 6.5 }, h[5]);
  // A credential claimed, then revoked: its 10 hours and its holder must not count.
  await record(eco, { category: 'ecology', region: 'KZ-55', project: 'Жас ағаш', end: '2026-04-25', hours: 10 }, h[7], 'revoke');
  // December, education in Astana without a project: two volunteers, an offer never claimed, an offer withdrawn.
  await record(bilim, { category: 'education', region: 'KZ-71', project: null, end: '2025-12-10', hours: 12 }, h[6]);
  await record(bilim, { category: 'education', region: 'KZ-71', project: null, end: '2025-12-11', hours: 8 }, h[7]);
  await record(bilim, { category: 'education', region: 'KZ-71', project: null, end: '2025-12-12', hours: 5 });
  await record(bilim, { category: 'education', region: 'KZ-71', project: null, end: '2025-12-13', hours: 7 }, undefined, 'withdraw');
  // February, culture in Abai Region by organizations accredited elsewhere: two from Pavlodar, one from Astana.
  // No organization is accredited in Abai: counted where the organization is, this work is Pavlodar's and Astana's.
  await record(eco, { category: 'culture', region: 'KZ-10', project: 'Мәдени мұра', end: '2026-02-14', hours: 5.5 }, h[0]);
  await record(eco, { category: 'culture', region: 'KZ-10', project: 'Мәдени мұра', end: '2026-02-15', hours: 2 }, h[1]);
  await record(bilim, { category: 'culture', region: 'KZ-10', project: 'Мәдени мұра', end: '2026-02-16', hours: 4 }, h[6]);
}, 120_000);

/** Where each test organization is accredited. */
const accreditedIn: Record<string, string> = { 'stats-eco': 'KZ-55', 'stats-care': 'KZ-55', 'stats-bilim': 'KZ-71' };

/** The test's record with each activity placed where its organization is accredited, for `by=organization`. */
function byOrganizationRegion(rows: MadeActivity[]): MadeActivity[] {
  return rows.map((m) => ({ ...m, region: accreditedIn[m.organization]! }));
}
afterAll(() => t?.issuer.stop());

function expectFigures(body: any, rows: MadeActivity[]): void {
  const expected = directCount(rows);
  expect(body.totals).toEqual(expected.totals);
  for (const table of ['byCategory', 'byRegion', 'byProject', 'byOrganization', 'byMonth'] as const) {
    const keyOf = (r: any) => String(r[expected.keys[table]]);
    const actual = Object.fromEntries(body[table].map((r: any) => [keyOf(r), Object.fromEntries(MEASURES.map((m) => [m, r[m]]))]));
    expect(actual, table).toEqual(expected[table]);
  }
}

describe('GET /v1/stats for the national registry', () => {
  it('equals a direct count over the activities and credentials made', async () => {
    const res = await stats();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.body.scope).toEqual({ kind: 'registry' });
    expect(res.body.filters).toEqual({ region: null, from: null, to: null, by: 'activity' });
    expectFigures(res.body, made);
  });

  it('counts revoked credentials as revoked, never as hours or volunteers', async () => {
    const body = (await stats()).body;
    const claimedHours = made.filter((m) => m.holder).reduce((s, m) => s + m.hours, 0);
    expect(body.totals.hours).toBe(claimedHours - 10);
    expect(body.totals.credentialsRevoked).toBe(1);
    expect(body.totals.credentialsClaimed).toBe(made.filter((m) => m.holder).length);
    expect(body.totals.volunteers).toBe(8);
    const ecology = body.byCategory.find((r: any) => r.category === 'ecology');
    expect(ecology).toMatchObject({ hours: 4 + 5 + 6 + 7 + 8, credentialsClaimed: 6, credentialsRevoked: 1, volunteers: 5 });
  });

  it('leaves withdrawn offers out and keeps unclaimed ones as recorded activities', async () => {
    const astana = (await stats()).body.byRegion.find((r: any) => r.region === 'KZ-71');
    expect(astana).toMatchObject({ activities: 3, credentialsClaimed: 2, hours: 20, volunteers: '<5' });
  });

  it('shows "<5" for cells of 1 to 4 volunteers and the count from 5 up', async () => {
    const body = (await stats()).body;
    expect(body.smallCellThreshold).toBe(5);
    const row = (table: string, key: string, value: string | null) => body[table].find((r: any) => r[key] === value);
    expect(row('byMonth', 'month', '2026-04').volunteers).toBe(5);
    expect(row('byMonth', 'month', '2026-03').volunteers).toBe(5);
    expect(row('byCategory', 'category', 'social').volunteers).toBe(5);
    expect(row('byRegion', 'region', 'KZ-55').volunteers).toBe(6);
    expect(row('byOrganization', 'organization', 'stats-care').volunteers).toBe('<5');
    expect(row('byMonth', 'month', '2025-12').volunteers).toBe('<5');
    expect(row('byProject', 'project', null).volunteers).toBe('<5');
    // The other measures of a small cell stay.
    expect(row('byOrganization', 'organization', 'stats-care')).toMatchObject({ hours: 12, activities: 4, credentialsClaimed: 4 });
  });

  it('filters by region and by the day activities ended', async () => {
    const march = await stats('?from=2026-03-01&to=2026-03-31');
    expect(march.body.filters).toEqual({ region: null, from: '2026-03-01', to: '2026-03-31', by: 'activity' });
    expectFigures(march.body, made.filter((m) => m.end >= '2026-03-01' && m.end <= '2026-03-31'));
    const pavlodarApril = await stats('?region=KZ-55&from=2026-04-11');
    expectFigures(pavlodarApril.body, made.filter((m) => m.region === 'KZ-55' && m.end >= '2026-04-11'));
    const nothing = await stats('?from=2020-01-01&to=2020-12-31');
    expect(nothing.body.totals).toEqual({ volunteers: 0, organizations: 0, activities: 0, credentialsClaimed: 0, credentialsRevoked: 0, hours: 0 });
    expect(nothing.body.byRegion).toEqual([]);
  });

  it('names the organizations of its rows in their languages', async () => {
    const row = (await stats()).body.byOrganization.find((r: any) => r.organization === 'stats-eco');
    expect(row).toMatchObject({ name: { kk: 'stats-eco ұйымы', ru: 'Организация stats-eco', en: 'Organization stats-eco' }, organizationRegion: 'KZ-55' });
  });

  it('refuses bad filters with 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['?region=KZ-99', 'region'],
      ['?region=Pavlodar', 'region'],
      ['?from=2026-02-30', 'from'],
      ['?from=yesterday', 'from'],
      ['?to=2026-4-1', 'to'],
      ['?from=2026-05-01&to=2026-04-01', 'to'],
      ['?from=2026-01-01&from=2026-02-01', 'from'],
      ['?by=place', 'by'],
      ['?by=ORGANIZATION', 'by'],
      ['?by=activity&by=organization', 'by'],
    ];
    for (const [query, field] of cases) {
      const res = await stats(query);
      expect(res.status, query).toBe(400);
      expect(res.body, query).toMatchObject({ code: 'invalid_request', field });
      expect(res.body.detail, query).toContain(field);
    }
  });
});

describe('GET /v1/stats?by=organization: work counted where its organization is accredited', () => {
  it('places each activity in its organization\'s region, with the same totals', async () => {
    const res = await stats('?by=organization');
    expect(res.status).toBe(200);
    expect(res.body.filters).toEqual({ region: null, from: null, to: null, by: 'organization' });
    expectFigures(res.body, byOrganizationRegion(made));
    expect(res.body.totals).toEqual((await stats()).body.totals);
    // Abai, where no organization is accredited, has work by activity and none by organization.
    expect(res.body.byRegion.map((r: any) => r.region).sort()).toEqual(['KZ-55', 'KZ-71']);
    expect((await stats()).body.byRegion.map((r: any) => r.region).sort()).toEqual(['KZ-10', 'KZ-55', 'KZ-71']);
  });

  it('counts by hand: Pavlodar\'s organizations worked 7.5 hours in Abai, Astana\'s 4', async () => {
    const national = (await stats('?by=organization')).body;
    const pavlodar = national.byRegion.find((r: any) => r.region === 'KZ-55');
    // By activity Pavlodar has 4+5+6+7+8 (ecology) + 4×3 + 6.5 (social) = 48.5 hours in 11 activities (one revoked);
    // its organizations add 5.5 + 2 hours in two activities in Abai.
    expect((await stats()).body.byRegion.find((r: any) => r.region === 'KZ-55').hours).toBe(48.5);
    expect(pavlodar).toMatchObject({ hours: 56, activities: 13, organizations: 2, credentialsClaimed: 13, credentialsRevoked: 1, volunteers: 6 });
    // Astana: 12 + 8 (education) + 4 (culture in Abai); the unclaimed offer counts as an activity, the withdrawn one not.
    expect(national.byRegion.find((r: any) => r.region === 'KZ-71')).toMatchObject({ hours: 24, activities: 4, credentialsClaimed: 3, volunteers: '<5' });
  });

  it('filters by the organization\'s region', async () => {
    const abai = await stats('?region=KZ-10&by=organization');
    expect(abai.body.totals).toEqual({ volunteers: 0, organizations: 0, activities: 0, credentialsClaimed: 0, credentialsRevoked: 0, hours: 0 });
    expect((await stats('?region=KZ-10')).body.totals).toMatchObject({ activities: 3, hours: 11.5, organizations: 2, volunteers: '<5' });
    const pavlodarWinter = await stats('?region=KZ-55&by=organization&to=2026-03-31');
    expectFigures(pavlodarWinter.body, byOrganizationRegion(made).filter((m) => m.region === 'KZ-55' && m.end <= '2026-03-31'));
  });

  it('shows a front office its own organizations\' work wherever it was done', async () => {
    const byActivity = await stats('', pavlodarOffice);
    const byOrganization = await stats('?by=organization', pavlodarOffice);
    expect(byOrganization.status).toBe(200);
    expect(byOrganization.body.scope).toEqual({ kind: 'front_office', region: 'KZ-55' });
    expect(byOrganization.body.filters).toEqual({ region: 'KZ-55', from: null, to: null, by: 'organization' });
    expectFigures(byOrganization.body, byOrganizationRegion(made).filter((m) => m.region === 'KZ-55'));
    expectFigures(byActivity.body, made.filter((m) => m.region === 'KZ-55'));
    expect(byOrganization.body.totals.hours - byActivity.body.totals.hours).toBe(7.5);
    expect(byOrganization.body.byCategory.find((r: any) => r.category === 'culture')).toMatchObject({ hours: 7.5, activities: 2, volunteers: '<5' });
    expect(byActivity.body.byCategory.find((r: any) => r.category === 'culture')).toBeUndefined();
    const astana = await stats('?by=organization&region=KZ-71', astanaOffice);
    expectFigures(astana.body, byOrganizationRegion(made).filter((m) => m.region === 'KZ-71'));
  });

  it('still refuses a front office another region', async () => {
    const res = await stats('?by=organization&region=KZ-10', pavlodarOffice);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'forbidden', field: 'region' });
  });
});

describe('who may see the accounting', () => {
  it('shows a front office its own region only', async () => {
    const res = await stats('', astanaOffice);
    expect(res.status).toBe(200);
    expect(res.body.scope).toEqual({ kind: 'front_office', region: 'KZ-71' });
    expect(res.body.filters.region).toBe('KZ-71');
    expect(res.body.byRegion.map((r: any) => r.region)).toEqual(['KZ-71']);
    expectFigures(res.body, made.filter((m) => m.region === 'KZ-71'));
    const own = await stats('?region=KZ-55&from=2026-03-01', pavlodarOffice);
    expectFigures(own.body, made.filter((m) => m.region === 'KZ-55' && m.end >= '2026-03-01'));
  });

  it('refuses a front office another region with 403', async () => {
    const res = await stats('?region=KZ-55', astanaOffice);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'forbidden', field: 'region' });
  });

  it('refuses organizations with 403 and anonymous callers or unknown keys with 401', async () => {
    expect((await stats('', eco.apiKey)).body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await t.api('GET', '/v1/stats')).body).toMatchObject({ status: 401, code: 'unauthorized' });
    expect((await stats('', 'not-a-key')).body).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.api('GET', '/openapi.json')).body;
    expect(doc.paths['/v1/stats'].get.parameters.map((p: any) => p.name)).toEqual(['region', 'from', 'to', 'by']);
    expect(doc.paths['/v1/stats'].get.parameters.find((p: any) => p.name === 'by').schema.enum).toEqual(['activity', 'organization']);
    expect(Object.keys(doc.paths['/v1/stats'].get.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    expect(doc.paths['/dashboard'].get).toBeDefined();
  });
});

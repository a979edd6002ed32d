import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleActivity } from '../../helpers/activity.ts';
import { startStaffIssuer, type StaffContext } from './setup.ts';

/** Organizations' API keys, made and revoked by their admins, and the journal naming who acted. */
let ctx: StaffContext;
const people: Record<string, { id: string; token: string }> = {};

beforeAll(async () => {
  ctx = await startStaffIssuer('api-keys');
  await ctx.frontOffice('fo-pavlodar', 'KZ-55');
  await ctx.organization('eco-qyran', 'KZ-55');
  await ctx.organization('astana-help', 'KZ-71');
  people.pavlodarAdmin = await ctx.person(ctx.admin, 'front-office:fo-pavlodar', 'admin', 'admin@pavlodar.kz');
  people.pavlodarMember = await ctx.person(ctx.admin, 'front-office:fo-pavlodar', 'member', 'member@pavlodar.kz');
  people.ecoAdmin = await ctx.person(people.pavlodarAdmin.token, 'organization:eco-qyran', 'admin', 'admin@eco-qyran.kz');
  people.ecoMember = await ctx.person(people.ecoAdmin.token, 'organization:eco-qyran', 'member', 'member@eco-qyran.kz');
  people.astanaAdmin = await ctx.person(ctx.admin, 'organization:astana-help', 'admin', 'admin@astana-help.kz');
});
afterAll(() => ctx?.issuer.stop());

const keys = (token: string, org = 'eco-qyran') => ctx.api('GET', `/v1/organizations/${org}/api-keys`, { token });

describe('API keys', () => {
  let made: { id: string; name: string; apiKey: string };

  it('an organization admin creates a named key, shown once and listed without its secret', async () => {
    const res = await ctx.api('POST', '/v1/organizations/eco-qyran/api-keys', { token: people.ecoAdmin!.token, body: { name: 'Accounting export' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^key_[0-9a-f]{20}$/), name: 'Accounting export', apiKey: expect.stringMatching(/^vp_org_/) });
    made = res.body;
    const list = await keys(people.ecoAdmin!.token);
    expect(list.status).toBe(200);
    // The key handed out at accreditation, and the new one.
    expect(list.body.apiKeys).toHaveLength(2);
    expect(list.body.apiKeys[1]).toEqual({ id: made.id, name: 'Accounting export', createdAt: expect.any(String), lastUsedAt: null });
    expect(list.text).not.toContain(made.apiKey);
  });

  it('says when a key was last used', async () => {
    const before = Date.now();
    expect((await ctx.api('POST', '/v1/activities', { token: made.apiKey, body: { volunteer: { name: 'Dana' }, activity: sampleActivity() } })).status).toBe(201);
    const used = (await keys(people.ecoMember!.token)).body.apiKeys.find((k: any) => k.id === made.id);
    expect(Date.parse(used.lastUsedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('a revoked key stops working at once', async () => {
    expect((await ctx.api('DELETE', `/v1/organizations/eco-qyran/api-keys/${made.id}`, { token: people.ecoAdmin!.token })).status).toBe(204);
    expect((await ctx.api('GET', '/v1/activities', { token: made.apiKey })).body).toMatchObject({ status: 401, code: 'unauthorized' });
    expect((await keys(people.ecoAdmin!.token)).body.apiKeys.map((k: any) => k.id)).not.toContain(made.id);
    expect((await ctx.api('DELETE', `/v1/organizations/eco-qyran/api-keys/${made.id}`, { token: people.ecoAdmin!.token })).body).toMatchObject({ status: 404 });
  });

  it('members, API keys and other organizations’ admins cannot make or revoke keys', async () => {
    const body = { name: 'Not allowed' };
    expect((await ctx.api('POST', '/v1/organizations/eco-qyran/api-keys', { token: people.ecoMember!.token, body })).body).toMatchObject({ status: 403 });
    expect((await ctx.api('POST', '/v1/organizations/eco-qyran/api-keys', { token: people.astanaAdmin!.token, body })).body).toMatchObject({ status: 403 });
    expect((await keys(people.astanaAdmin!.token)).body).toMatchObject({ status: 403 });
    const accreditationKey = (await keys(people.ecoAdmin!.token)).body.apiKeys[0];
    expect((await ctx.api('DELETE', `/v1/organizations/eco-qyran/api-keys/${accreditationKey.id}`, { token: people.astanaAdmin!.token })).body).toMatchObject({ status: 403 });
    const ownKey = await ctx.api('POST', '/v1/organizations/astana-help/api-keys', { token: people.astanaAdmin!.token, body: { name: 'Own' } });
    expect((await ctx.api('POST', '/v1/organizations/astana-help/api-keys', { token: ownKey.body.apiKey, body })).body).toMatchObject({ status: 403 });
    // The admin of the region's front office may, as for people.
    expect((await ctx.api('POST', '/v1/organizations/eco-qyran/api-keys', { token: people.pavlodarAdmin!.token, body: { name: 'Set up by the office' } })).status).toBe(201);
    expect((await ctx.api('POST', '/v1/organizations/eco-qyran/api-keys', { token: people.ecoAdmin!.token, body: { name: ' ' } })).body).toMatchObject({ status: 400, field: 'name' });
    expect((await ctx.api('POST', '/v1/organizations/nobody/api-keys', { token: ctx.admin, body })).body).toMatchObject({ status: 404 });
  });
});

describe('the journal', () => {
  it('names the person who acted, and the person or key acted upon', async () => {
    await ctx.api('POST', '/v1/organizations/eco-qyran/suspend', { token: people.pavlodarMember!.token, body: { reason: 'Reports overdue' } });
    const journal = await ctx.api('GET', '/v1/audit', { token: people.pavlodarAdmin!.token });
    expect(journal.status).toBe(200);
    const suspended = journal.body.entries.find((e: any) => e.action === 'organization.suspended');
    expect(suspended).toMatchObject({
      actor: `staff:${people.pavlodarMember!.id}`,
      actorName: 'member',
      subject: 'eco-qyran',
      subjectName: { kk: 'eco-qyran kk', ru: 'eco-qyran ru' },
      unit: 'organization:eco-qyran',
      detail: { reason: 'Reports overdue' },
    });
    const invited = journal.body.entries.find((e: any) => e.action === 'staff.invited' && e.subject === `staff:${people.ecoMember!.id}`);
    expect(invited).toMatchObject({ actor: `staff:${people.ecoAdmin!.id}`, actorName: 'admin', subjectName: 'member' });
    expect(journal.body.entries.map((e: any) => e.action)).toEqual(expect.arrayContaining(['api_key.created', 'api_key.revoked', 'staff.joined', 'activity.recorded']));
  });

  it('shows an admin their unit and the units below it only', async () => {
    const all = (await ctx.api('GET', '/v1/audit', { token: ctx.admin })).body.entries;
    const office = (await ctx.api('GET', '/v1/audit', { token: people.pavlodarAdmin!.token })).body.entries;
    const eco = (await ctx.api('GET', '/v1/audit', { token: people.ecoAdmin!.token })).body.entries;
    expect(all.some((e: any) => e.unit === 'organization:astana-help')).toBe(true);
    expect(office.some((e: any) => e.unit === 'organization:astana-help')).toBe(false);
    expect(office.some((e: any) => e.unit === 'front-office:fo-pavlodar')).toBe(true);
    expect(new Set(eco.map((e: any) => e.unit))).toEqual(new Set(['organization:eco-qyran']));
    expect(eco.length).toBeLessThan(office.length);
    expect(office.length).toBeLessThan(all.length);
  });

  it('is for admins, page by page', async () => {
    expect((await ctx.api('GET', '/v1/audit', { token: people.ecoMember!.token })).body).toMatchObject({ status: 403 });
    expect((await ctx.api('GET', '/v1/audit')).body).toMatchObject({ status: 401 });
    const first = await ctx.api('GET', '/v1/audit', { token: ctx.admin });
    if (first.body.nextCursor) {
      const second = await ctx.api('GET', `/v1/audit?cursor=${first.body.nextCursor}`, { token: ctx.admin });
      expect(second.body.entries[0].seq).toBeLessThan(first.body.entries.at(-1).seq);
    }
    expect((await ctx.api('GET', '/v1/audit?cursor=abc', { token: ctx.admin })).body).toMatchObject({ status: 400, field: 'cursor' });
  });
});

describe('openapi.json', () => {
  it('documents the routes of people, keys and the journal', async () => {
    const doc = (await ctx.api('GET', '/openapi.json')).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const expected: [string, string][] = [
      ['/v1/staff/invitations', 'post'],
      ['/v1/staff/invitations/{token}', 'get'],
      ['/v1/staff/invitations/{token}/accept', 'post'],
      ['/v1/staff/sessions', 'post'],
      ['/v1/staff/sessions/current', 'delete'],
      ['/v1/staff/me', 'get'],
      ['/v1/staff/me/password', 'post'],
      ['/v1/staff', 'get'],
      ['/v1/staff/{id}', 'delete'],
      ['/v1/staff/{id}/reset', 'post'],
      ['/v1/front-offices', 'get'],
      ['/v1/organizations/{id}/api-keys', 'get'],
      ['/v1/organizations/{id}/api-keys', 'post'],
      ['/v1/organizations/{id}/api-keys/{keyId}', 'delete'],
      ['/v1/audit', 'get'],
    ];
    for (const [path, method] of expected) expect(doc.paths[path]?.[method]?.responses, `${method} ${path}`).toBeDefined();
  });
});

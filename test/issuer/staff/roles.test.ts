import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleActivity } from '../../helpers/activity.ts';
import { startStaffIssuer, type StaffContext } from './setup.ts';

/** A person's session acts for their unit, within their role, and nowhere else. */
let ctx: StaffContext;
const people: Record<string, { id: string; token: string }> = {};

beforeAll(async () => {
  ctx = await startStaffIssuer('roles');
  await ctx.frontOffice('fo-pavlodar', 'KZ-55');
  await ctx.frontOffice('fo-astana', 'KZ-71');
  await ctx.organization('eco-qyran', 'KZ-55');
  await ctx.organization('astana-help', 'KZ-71');
  people.pavlodarAdmin = await ctx.person(ctx.admin, 'front-office:fo-pavlodar', 'admin', 'admin@pavlodar.kz');
  people.pavlodarMember = await ctx.person(ctx.admin, 'front-office:fo-pavlodar', 'member', 'member@pavlodar.kz');
  people.pavlodarViewer = await ctx.person(ctx.admin, 'front-office:fo-pavlodar', 'viewer', 'viewer@pavlodar.kz');
  people.ecoAdmin = await ctx.person(ctx.admin, 'organization:eco-qyran', 'admin', 'admin@eco-qyran.kz');
  people.ecoMember = await ctx.person(ctx.admin, 'organization:eco-qyran', 'member', 'member@eco-qyran.kz');
});
afterAll(() => ctx?.issuer.stop());

const organization = (id: string, region: string, extra: Record<string, unknown> = {}) => ({ id, name: { kk: `${id} kk`, ru: `${id} ru`, en: `${id} en` }, region, ...extra });

describe('front office people', () => {
  it('a member accredits in the office’s region, with a BIN and a contact that overseers see', async () => {
    const res = await ctx.api('POST', '/v1/organizations', {
      token: people.pavlodarMember!.token,
      body: organization('bilim-pavlodar', 'KZ-55', { bin: '123456789013', contact: '+7 701 000 00 00' }),
    });
    expect(res.status).toBe(201);
    expect(res.body.apiKey).toMatch(/^vp_org_/);
    const publicView = await ctx.api('GET', '/v1/organizations/bilim-pavlodar');
    expect(publicView.body.contact).toBeUndefined();
    expect(publicView.body.history).toBeUndefined();
    const overseen = await ctx.api('GET', '/v1/organizations/bilim-pavlodar', { token: people.pavlodarViewer!.token });
    expect(overseen.body).toMatchObject({ contact: '+7 701 000 00 00', history: [{ until: null, grantedBy: `staff:${people.pavlodarMember!.id}` }] });
    const astanaKey = await ctx.api('POST', '/v1/front-offices', { token: ctx.admin, body: { id: 'fo-x', name: { kk: 'x', ru: 'x', en: 'x' }, region: 'KZ-10' } });
    expect((await ctx.api('GET', '/v1/organizations/bilim-pavlodar', { token: astanaKey.body.apiKey })).body.contact).toBeUndefined();
  });

  it('a member cannot act outside the office’s region', async () => {
    const elsewhere = await ctx.api('POST', '/v1/organizations', { token: people.pavlodarMember!.token, body: organization('astana-two', 'KZ-71') });
    expect(elsewhere.body).toMatchObject({ status: 403, code: 'forbidden', field: 'region' });
    const suspend = await ctx.api('POST', '/v1/organizations/astana-help/suspend', { token: people.pavlodarMember!.token, body: { reason: 'Not ours' } });
    expect(suspend.body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await ctx.api('GET', '/v1/organizations/astana-help')).body.status).toBe('accredited');
  });

  it('a member suspends and reinstates in the region with a reason that the history keeps', async () => {
    const suspended = await ctx.api('POST', '/v1/organizations/eco-qyran/suspend', { token: people.pavlodarMember!.token, body: { reason: 'Reports overdue' } });
    expect(suspended.body.status).toBe('suspended');
    const reinstated = await ctx.api('POST', '/v1/organizations/eco-qyran/reinstate', { token: people.pavlodarAdmin!.token, body: { reason: 'Reports filed' } });
    expect(reinstated.body.status).toBe('accredited');
    const record = await ctx.api('GET', '/v1/organizations/eco-qyran', { token: people.ecoMember!.token });
    expect(record.body.history).toEqual([
      { from: expect.any(String), until: expect.any(String), grantedBy: 'registry', endedBy: `staff:${people.pavlodarMember!.id}`, endReason: 'Reports overdue' },
      { from: expect.any(String), until: null, grantedBy: `staff:${people.pavlodarAdmin!.id}` },
    ]);
  });

  it('a viewer sees but cannot accredit, suspend or invite', async () => {
    const viewer = people.pavlodarViewer!.token;
    expect((await ctx.api('POST', '/v1/organizations', { token: viewer, body: organization('viewer-made', 'KZ-55') })).body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await ctx.api('POST', '/v1/organizations/eco-qyran/suspend', { token: viewer, body: { reason: 'x' } })).body).toMatchObject({ status: 403 });
    expect((await ctx.invite(viewer, 'front-office:fo-pavlodar', 'viewer')).status).toBe(403);
    expect((await ctx.api('GET', '/v1/organizations/viewer-made')).status).toBe(404);
    const stats = await ctx.api('GET', '/v1/stats', { token: viewer });
    expect(stats.status).toBe(200);
    expect(stats.body.scope).toEqual({ kind: 'front_office', region: 'KZ-55' });
    expect((await ctx.api('GET', '/v1/staff', { token: viewer })).body.people).toHaveLength(3);
    // A viewer may still change their own password and sign out.
    expect((await ctx.api('POST', '/v1/staff/me/password', { token: viewer, body: { currentPassword: 'wrong password', newPassword: 'whatever it is' } })).body).toMatchObject({ field: 'currentPassword' });
  });
});

describe('organization people', () => {
  it('a member records activities as the organization’s key does', async () => {
    const res = await ctx.api('POST', '/v1/activities', { token: people.ecoMember!.token, body: { volunteer: { name: 'Dana' }, activity: sampleActivity() } });
    expect(res.status, res.text).toBe(201);
    expect((await ctx.api('GET', '/v1/activities', { token: people.ecoMember!.token })).body.items).toHaveLength(1);
    expect((await ctx.api('GET', '/v1/stats', { token: people.ecoMember!.token })).body).toMatchObject({ status: 403 });
  });

  it('an organization admin cannot touch another organization', async () => {
    const admin = people.ecoAdmin!.token;
    expect((await ctx.invite(admin, 'organization:astana-help', 'admin')).status).toBe(403);
    expect((await ctx.api('GET', '/v1/staff?unit=organization:astana-help', { token: admin })).body).toMatchObject({ status: 403 });
    expect((await ctx.api('POST', '/v1/organizations/astana-help/suspend', { token: admin, body: { reason: 'x' } })).body).toMatchObject({ status: 403 });
    expect((await ctx.api('GET', '/v1/organizations/astana-help', { token: admin })).body.history).toBeUndefined();
    const astanaAdmin = await ctx.person(ctx.admin, 'organization:astana-help', 'admin', 'admin@astana-help.kz');
    expect((await ctx.api('DELETE', `/v1/staff/${astanaAdmin.id}`, { token: admin })).body).toMatchObject({ status: 403 });
    expect((await ctx.api('POST', `/v1/staff/${astanaAdmin.id}/reset`, { token: admin })).body).toMatchObject({ status: 403 });
  });
});

describe('the console cookie', () => {
  const cookieOf = (token: string) => ({ cookie: `passport_staff=${token}` });

  it('reads with the cookie, and writes only as same-origin JSON', async () => {
    const token = people.pavlodarMember!.token;
    expect((await ctx.api('GET', '/v1/staff/me', { headers: cookieOf(token) })).body.login).toBe('member@pavlodar.kz');
    const asForm = await ctx.api('POST', '/v1/organizations/eco-qyran/suspend', { headers: cookieOf(token), raw: 'reason=x', type: 'application/x-www-form-urlencoded' });
    expect(asForm.body).toMatchObject({ status: 403, code: 'csrf' });
    const crossSite = await ctx.api('POST', '/v1/organizations/eco-qyran/suspend', { headers: { ...cookieOf(token), origin: 'https://evil.example' }, body: { reason: 'x' } });
    expect(crossSite.body).toMatchObject({ status: 403, code: 'csrf' });
    expect((await ctx.api('GET', '/v1/organizations/eco-qyran')).body.status).toBe('accredited');
    const sameOrigin = await ctx.api('POST', '/v1/organizations/eco-qyran/suspend', { headers: { ...cookieOf(token), origin: ctx.issuer.url }, body: { reason: 'Same origin' } });
    expect(sameOrigin.body.status).toBe('suspended');
  });

  it('a stale cookie leaves the caller anonymous on public routes', async () => {
    const stale = cookieOf('vp_staff_not-a-session');
    expect((await ctx.api('GET', '/v1/organizations/eco-qyran', { headers: stale })).status).toBe(200);
    expect((await ctx.api('GET', '/v1/staff/me', { headers: stale })).body).toMatchObject({ status: 401 });
    expect((await ctx.api('GET', '/v1/staff/me', { token: 'vp_staff_not-a-session' })).body).toMatchObject({ status: 401 });
  });
});

describe('listing', () => {
  it('filters organizations by region, status and a text in any language', async () => {
    const ids = async (query: string) => (await ctx.api('GET', `/v1/organizations?${query}`)).body.organizations.map((o: any) => o.id);
    expect(await ids('region=KZ-55')).toEqual(['bilim-pavlodar', 'eco-qyran']);
    expect(await ids('region=KZ-55&status=suspended')).toEqual(['eco-qyran']);
    expect(await ids('status=accredited')).toEqual(['astana-help', 'bilim-pavlodar']);
    expect(await ids(`q=${encodeURIComponent('BILIM-PAVLODAR RU')}`)).toEqual(['bilim-pavlodar']);
    expect(await ids('q=help')).toEqual(['astana-help']);
    expect((await ctx.api('GET', '/v1/organizations?status=closed')).body).toMatchObject({ status: 400, field: 'status' });
  });

  it('lists the front offices', async () => {
    const res = await ctx.api('GET', '/v1/front-offices');
    expect(res.body.frontOffices.map((f: any) => f.region)).toEqual(['KZ-10', 'KZ-55', 'KZ-71']);
  });
});

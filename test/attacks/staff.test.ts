import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleActivity } from '../helpers/activity.ts';
import { PASSWORD, startStaffIssuer, type StaffContext } from '../issuer/staff/setup.ts';

// Staff accounts under attack (issue 9): the console's cookie used by another site, a viewer
// writing through a route that forgot the rule, a spent or replaced link replayed, and the
// secrets of people (links, sessions, passwords) in the issuer's log.
describe('staff accounts under attack', () => {
  let ctx: StaffContext;
  let viewer: { id: string; token: string };
  let member: { id: string; token: string };

  beforeAll(async () => {
    ctx = await startStaffIssuer('staff-attacks');
    await ctx.organization('eco-qyran', 'KZ-55');
    viewer = await ctx.person(ctx.admin, 'organization:eco-qyran', 'viewer', 'viewer@eco-qyran.kz');
    member = await ctx.person(ctx.admin, 'organization:eco-qyran', 'member', 'member@eco-qyran.kz');
  });
  afterAll(() => ctx?.issuer.stop());

  it('a cross-site form posting with the console cookie changes nothing', async () => {
    const headers = { cookie: `passport_staff=${member.token}`, origin: 'https://evil.example' };
    for (const [raw, type] of [
      ['volunteer[name]=x', 'application/x-www-form-urlencoded'],
      ['{"volunteer":{"name":"x"}}', 'text/plain'],
    ]) {
      const res = await ctx.api('POST', '/v1/activities', { headers, raw, type });
      expect(res.status, type).toBe(403);
    }
    const json = await ctx.api('POST', '/v1/activities', { headers, body: { volunteer: { name: 'x' }, activity: sampleActivity() } });
    expect(json.status).toBe(403);
    expect((await ctx.api('GET', '/v1/activities', { token: member.token })).body.items).toEqual([]);
  });

  it('a viewer’s session writes through no route, not even the organization’s issuing ones', async () => {
    const attempts: [string, string, unknown][] = [
      ['POST', '/v1/activities', { volunteer: { name: 'x' }, activity: sampleActivity() }],
      ['POST', '/credentials/issue', { credential: {} }],
      ['POST', '/v1/credentials/urn:uuid:0/revoke', { reason: 'x' }],
      ['POST', '/v1/organizations/eco-qyran/api-keys', { name: 'x' }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await ctx.api(method, path, { token: viewer.token, body });
      expect(res.status, path).toBe(403);
      expect(res.body).toMatchObject({ code: 'forbidden', reason: 'viewer' });
    }
  });

  it('a spent, replaced or made-up invitation link lets nobody in', async () => {
    const invited = await ctx.invite(ctx.admin, 'organization:eco-qyran', 'admin', 'Target');
    const reset = await ctx.api('POST', `/v1/staff/${invited.body.staffId}/reset`, { token: ctx.admin });
    expect((await ctx.accept(invited.link, 'attacker@example.kz')).status).toBe(404);
    const fresh = new URL(reset.body.invitationUrl).hash.slice(1);
    expect((await ctx.accept(fresh, 'target@eco-qyran.kz')).status).toBe(201);
    expect((await ctx.accept(fresh, 'attacker@example.kz')).body).toMatchObject({ status: 410, reason: 'used' });
    expect((await ctx.accept(`${fresh.slice(0, -1)}${fresh.endsWith('A') ? 'B' : 'A'}`, 'attacker@example.kz')).status).toBe(404);
  });

  it('guessing one person’s password is slowed down, and their right password still works afterwards', async () => {
    const guess = () => ctx.api('POST', '/v1/staff/sessions', { body: { login: 'member@eco-qyran.kz', password: 'a guessed password' } });
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await guess()).status);
    expect(answers.slice(0, 3)).toEqual([401, 401, 401]);
    expect(answers).toContain(429);
    const limited = await guess();
    expect(limited.body).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The wall is a backoff, not a lock-out: after the wait the owner signs in.
    await new Promise((r) => setTimeout(r, Number(limited.headers.get('retry-after')) * 1000 + 200));
    expect(await ctx.signIn('member@eco-qyran.kz')).toMatch(/^vp_staff_/);
  });

  it('no invitation token, session token or password reaches the log', async () => {
    const invited = await ctx.invite(ctx.admin, 'organization:eco-qyran', 'member', 'Logged');
    await ctx.api('GET', `/v1/staff/invitations/${invited.link}`);
    await ctx.accept(invited.link, 'logged@eco-qyran.kz');
    const token = await ctx.signIn('logged@eco-qyran.kz');
    await ctx.api('GET', '/v1/staff/me', { token });
    await ctx.api('POST', '/v1/staff/sessions', { body: { login: 'logged@eco-qyran.kz', password: 'a wrong password' } });
    const log = ctx.issuer.output();
    expect(log).toContain('/v1/staff/invitations/:token/accept');
    for (const secret of [invited.link, token, PASSWORD, 'a wrong password', member.token]) expect(log).not.toContain(secret);
  });
});

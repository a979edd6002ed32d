import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startStaffIssuer, type StaffContext } from './setup.ts';

let ctx: StaffContext;
let pavlodarKey: string;
let registryAdmin: { id: string; token: string };

beforeAll(async () => {
  ctx = await startStaffIssuer('people');
  pavlodarKey = await ctx.frontOffice('fo-pavlodar', 'KZ-55');
  await ctx.frontOffice('fo-astana', 'KZ-71');
  await ctx.organization('eco-qyran', 'KZ-55');
  await ctx.organization('astana-help', 'KZ-71');
});
afterAll(() => ctx?.issuer.stop());

describe('invitations', () => {
  it('the admin token invites the first registry admin, who accepts and signs in', async () => {
    const invited = await ctx.invite(ctx.admin, 'registry', 'admin', 'Aigerim Registry');
    expect(invited.status).toBe(201);
    expect(invited.body).toEqual({ id: expect.any(String), staffId: expect.any(String), invitationUrl: expect.stringContaining(`${ctx.issuer.url}/invitation#vp_invite_`), expiresAt: expect.any(String) });
    const days = (Date.parse(invited.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const view = await ctx.api('GET', `/v1/staff/invitations/${invited.link}`);
    expect(view.body).toMatchObject({ unit: 'registry', role: 'admin', name: 'Aigerim Registry', expiresAt: invited.body.expiresAt });

    const accepted = await ctx.accept(invited.link, 'Aigerim@Registry.KZ');
    expect(accepted.status).toBe(201);
    expect(accepted.body).toEqual({ id: invited.body.staffId });
    const session = await ctx.api('POST', '/v1/staff/sessions', { body: { login: 'aigerim@registry.kz', password: PASSWORD } });
    expect(session.status).toBe(200);
    expect(session.body).toEqual({ token: expect.stringMatching(/^vp_staff_/), expiresAt: expect.any(String), staff: { id: invited.body.staffId, unit: 'registry', role: 'admin' } });
    expect(session.headers.get('set-cookie')).toMatch(/passport_staff=vp_staff_[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    registryAdmin = { id: invited.body.staffId, token: session.body.token };
    const me = await ctx.api('GET', '/v1/staff/me', { token: registryAdmin.token });
    expect(me.body).toMatchObject({ id: registryAdmin.id, name: 'Aigerim Registry', login: 'aigerim@registry.kz', role: 'admin', unit: 'registry', unitKind: 'registry', region: null });
  });

  it('`npm run issuer -- invite-admin` prints a registry admin’s link for the running issuer', async () => {
    const root = resolve(import.meta.dirname, '../../..');
    const { stdout } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [join(root, 'issuer/main.ts'), 'invite-admin', '--name', 'Bolat Bootstrap'], {
      cwd: root,
      // The running issuer's database: its SQLite file in DATA_DIR, or its PostgreSQL database.
      env: { ...process.env, DATA_DIR: ctx.issuer.dataDir, DATABASE_URL: ctx.issuer.databaseUrl ?? '', ISSUER_URL: ctx.issuer.url, PASSPORT_ADMIN_TOKEN: ctx.admin, PASSPORT_SECRET: 'people-test-secret-0123456789abcdef' },
    });
    const url = /(http\S+\/invitation#vp_invite_\S+)/.exec(stdout)?.[1];
    expect(url, stdout).toBeDefined();
    const link = new URL(url!).hash.slice(1);
    expect((await ctx.api('GET', `/v1/staff/invitations/${link}`)).body).toMatchObject({ unit: 'registry', role: 'admin', name: 'Bolat Bootstrap' });
    expect((await ctx.accept(link, 'bolat@registry.kz')).status).toBe(201);
  });

  it('a link works once', async () => {
    const invited = await ctx.invite(registryAdmin.token, 'front-office:fo-pavlodar', 'admin');
    expect((await ctx.accept(invited.link, 'pavlodar.admin@example.kz')).status).toBe(201);
    const again = await ctx.accept(invited.link, 'someone.else@example.kz');
    expect(again.body).toMatchObject({ status: 410, code: 'gone', reason: 'used' });
    expect((await ctx.api('GET', `/v1/staff/invitations/${invited.link}`)).body).toMatchObject({ status: 410, reason: 'used' });
    expect((await ctx.accept('vp_invite_not-a-real-token', 'x@example.kz')).body).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('an admin invites into their own unit and the units below it, nowhere else', async () => {
    const pavlodarAdmin = await ctx.signIn('pavlodar.admin@example.kz');
    expect((await ctx.invite(pavlodarAdmin, 'front-office:fo-pavlodar', 'member')).status).toBe(201);
    expect((await ctx.invite(pavlodarAdmin, 'organization:eco-qyran', 'admin')).status).toBe(201);
    for (const unit of ['organization:astana-help', 'front-office:fo-astana', 'registry']) {
      const refused = await ctx.invite(pavlodarAdmin, unit, 'viewer');
      expect(refused.status, unit).toBe(403);
      expect(refused.body).toMatchObject({ code: 'forbidden', field: 'unit' });
    }
    const ecoAdmin = await ctx.person(pavlodarAdmin, 'organization:eco-qyran', 'admin', 'eco.admin@example.kz');
    expect((await ctx.invite(ecoAdmin.token, 'organization:eco-qyran', 'member')).status).toBe(201);
    expect((await ctx.invite(ecoAdmin.token, 'organization:astana-help', 'member')).body).toMatchObject({ status: 403, field: 'unit' });
    expect((await ctx.invite(ecoAdmin.token, 'front-office:fo-pavlodar', 'member')).status).toBe(403);
  });

  it('members, viewers and API keys invite no one', async () => {
    const member = await ctx.person(registryAdmin.token, 'front-office:fo-pavlodar', 'member', 'pavlodar.member@example.kz');
    expect((await ctx.invite(member.token, 'front-office:fo-pavlodar', 'viewer')).body).toMatchObject({ status: 403, code: 'forbidden' });
    const viewer = await ctx.person(registryAdmin.token, 'registry', 'viewer', 'registry.viewer@example.kz');
    expect((await ctx.invite(viewer.token, 'registry', 'viewer')).body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await ctx.invite(pavlodarKey, 'front-office:fo-pavlodar', 'viewer')).body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await ctx.api('POST', '/v1/staff/invitations', { body: { unit: 'registry', role: 'admin', name: 'X' } })).body).toMatchObject({ status: 401 });
  });

  it('names the field of a bad invitation or acceptance', async () => {
    const cases: [unknown, string][] = [
      [{ unit: 'front-office', role: 'admin', name: 'X' }, 'unit'],
      [{ unit: 'registry', role: 'owner', name: 'X' }, 'role'],
      [{ unit: 'registry', role: 'admin', name: ' ' }, 'name'],
      [{ unit: 'registry', role: 'admin', name: 'X', email: 'not-an-address' }, 'email'],
      [{ unit: 'registry', role: 'admin', name: 'X', extra: 1 }, ''],
    ];
    for (const [body, field] of cases) {
      const res = await ctx.api('POST', '/v1/staff/invitations', { token: ctx.admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      if (field) expect(res.body.field).toBe(field);
    }
    expect((await ctx.invite(ctx.admin, 'organization:nobody', 'admin')).body).toMatchObject({ status: 404, code: 'not_found', field: 'unit' });
    const invited = await ctx.invite(ctx.admin, 'registry', 'member');
    expect((await ctx.accept(invited.link, 'ok@example.kz', 'short')).body).toMatchObject({ status: 400, field: 'password' });
    expect((await ctx.accept(invited.link, 'not an address')).body).toMatchObject({ status: 400, field: 'login' });
    expect((await ctx.accept(invited.link, 'aigerim@registry.kz')).body).toMatchObject({ status: 409, code: 'conflict', field: 'login' });
    // A refused attempt does not spend the link.
    expect((await ctx.accept(invited.link, 'second.registry@example.kz')).status).toBe(201);
  });
});

describe('people', () => {
  it('lists the people of a unit for people of that unit or above it', async () => {
    const list = await ctx.api('GET', '/v1/staff?unit=front-office:fo-pavlodar', { token: registryAdmin.token });
    expect(list.status).toBe(200);
    // Admins first, then members, then viewers; by name within a role.
    expect(list.body.people.map((p: any) => `${p.role} ${p.status}`)).toEqual(['admin active', 'member invited', 'member active']);
    expect(list.body.people[1].invitationExpiresAt).toEqual(expect.any(String));
    expect(JSON.stringify(list.body)).not.toMatch(/password|vp_invite_/);
    const eco = await ctx.signIn('eco.admin@example.kz');
    expect((await ctx.api('GET', '/v1/staff', { token: eco })).body.people.map((p: any) => p.login)).toContain('eco.admin@example.kz');
    expect((await ctx.api('GET', '/v1/staff?unit=front-office:fo-pavlodar', { token: eco })).body).toMatchObject({ status: 403 });
    expect((await ctx.api('GET', '/v1/staff?unit=organization:eco-qyran', { token: pavlodarKey })).body).toMatchObject({ status: 403 });
  });

  it('changing one’s password ends one’s other sessions and needs the current password', async () => {
    const first = await ctx.signIn('pavlodar.member@example.kz');
    const second = await ctx.signIn('pavlodar.member@example.kz');
    const wrong = await ctx.api('POST', '/v1/staff/me/password', { token: first, body: { currentPassword: 'not it at all', newPassword: 'a brand new password' } });
    expect(wrong.body).toMatchObject({ status: 403, field: 'currentPassword' });
    const tooShort = await ctx.api('POST', '/v1/staff/me/password', { token: first, body: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(tooShort.body).toMatchObject({ status: 400, field: 'newPassword' });
    expect((await ctx.api('POST', '/v1/staff/me/password', { token: first, body: { currentPassword: PASSWORD, newPassword: 'a brand new password' } })).status).toBe(204);
    expect((await ctx.api('GET', '/v1/staff/me', { token: first })).status).toBe(200);
    expect((await ctx.api('GET', '/v1/staff/me', { token: second })).body).toMatchObject({ status: 401 });
    expect((await ctx.api('POST', '/v1/staff/sessions', { body: { login: 'pavlodar.member@example.kz', password: PASSWORD } })).status).toBe(401);
    expect(await ctx.signIn('pavlodar.member@example.kz', 'a brand new password')).toMatch(/^vp_staff_/);
  });

  it('a reset stops the old password and sessions, and a new link sets another', async () => {
    const people = (await ctx.api('GET', '/v1/staff?unit=front-office:fo-pavlodar', { token: registryAdmin.token })).body.people;
    const member = people.find((p: any) => p.login === 'pavlodar.member@example.kz');
    const session = await ctx.signIn('pavlodar.member@example.kz', 'a brand new password');
    const pavlodarAdmin = await ctx.signIn('pavlodar.admin@example.kz');
    const reset = await ctx.api('POST', `/v1/staff/${member.id}/reset`, { token: pavlodarAdmin });
    expect(reset.status).toBe(201);
    expect(reset.body.invitationUrl).toContain('/invitation#vp_invite_');
    expect((await ctx.api('GET', '/v1/staff/me', { token: session })).body).toMatchObject({ status: 401 });
    expect((await ctx.api('POST', '/v1/staff/sessions', { body: { login: 'pavlodar.member@example.kz', password: 'a brand new password' } })).status).toBe(401);
    const link = new URL(reset.body.invitationUrl).hash.slice(1);
    expect((await ctx.api('GET', `/v1/staff/invitations/${link}`)).body).toMatchObject({ login: 'pavlodar.member@example.kz', role: 'member' });
    expect((await ctx.accept(link, 'pavlodar.member@example.kz', 'the third password')).body).toEqual({ id: member.id });
    expect(await ctx.signIn('pavlodar.member@example.kz', 'the third password')).toMatch(/^vp_staff_/);
    // The admin of another unit may not; nobody resets themselves.
    const eco = await ctx.signIn('eco.admin@example.kz');
    expect((await ctx.api('POST', `/v1/staff/${member.id}/reset`, { token: eco })).body).toMatchObject({ status: 403 });
    expect((await ctx.api('POST', `/v1/staff/${registryAdmin.id}/reset`, { token: registryAdmin.token })).body).toMatchObject({ status: 409 });
  });

  it('a removed person can no longer sign in, and their sessions end at once', async () => {
    const people = (await ctx.api('GET', '/v1/staff?unit=registry', { token: registryAdmin.token })).body.people;
    const viewer = people.find((p: any) => p.login === 'registry.viewer@example.kz');
    const session = await ctx.signIn('registry.viewer@example.kz');
    expect((await ctx.api('DELETE', `/v1/staff/${viewer.id}`, { token: registryAdmin.token })).status).toBe(204);
    expect((await ctx.api('GET', '/v1/staff/me', { token: session })).body).toMatchObject({ status: 401 });
    expect((await ctx.api('POST', '/v1/staff/sessions', { body: { login: 'registry.viewer@example.kz', password: PASSWORD } })).status).toBe(401);
    expect((await ctx.api('GET', '/v1/staff?unit=registry', { token: registryAdmin.token })).body.people.map((p: any) => p.id)).not.toContain(viewer.id);
    expect((await ctx.api('DELETE', `/v1/staff/${viewer.id}`, { token: registryAdmin.token })).status).toBe(404);
    expect((await ctx.api('DELETE', `/v1/staff/${registryAdmin.id}`, { token: registryAdmin.token })).status).toBe(409);
  });

  it('signing out ends the session; a wrong password and an unknown login get the same answer', async () => {
    const token = await ctx.signIn('eco.admin@example.kz');
    expect((await ctx.api('DELETE', '/v1/staff/sessions/current', { token })).status).toBe(204);
    expect((await ctx.api('GET', '/v1/staff/me', { token })).status).toBe(401);
    const wrong = await ctx.api('POST', '/v1/staff/sessions', { body: { login: 'eco.admin@example.kz', password: 'wrong password' } });
    const unknown = await ctx.api('POST', '/v1/staff/sessions', { body: { login: 'nobody@example.kz', password: 'wrong password' } });
    expect(wrong.body).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(unknown.body).toEqual({ ...wrong.body, instance: unknown.body.instance });
  });
});

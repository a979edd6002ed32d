import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleActivity } from '../helpers/activity.ts';
import { startStaffIssuer, type StaffContext } from '../issuer/staff/setup.ts';

// The coordinator's pages under attack (issue 10): another site using the console's cookie to
// upload a spreadsheet, a member changing what only the admin decides, and a person of another
// organization printing or sending our volunteers' offers.
describe('the coordinator\'s routes under attack', () => {
  let ctx: StaffContext;
  let ourKey: string;
  let member: { token: string };
  let stranger: { token: string };
  const CSV = 'volunteer_name;name_ru;category;region;start_date;end_date;hours\r\nАнна Ким;Посадка деревьев;ecology;KZ-55;12.09.2026;12.09.2026;4,5\r\n';

  beforeAll(async () => {
    ctx = await startStaffIssuer('coordinator-attacks');
    ourKey = (await ctx.organization('our-org', 'KZ-55')).apiKey;
    await ctx.organization('other-org', 'KZ-55');
    member = await ctx.person(ctx.admin, 'organization:our-org', 'member', 'member@our-org.kz');
    stranger = await ctx.person(ctx.admin, 'organization:other-org', 'admin', 'admin@other-org.kz');
  });
  afterAll(() => ctx?.issuer.stop());

  it('a spreadsheet posted by another site with the coordinator\'s cookie records nothing', async () => {
    const cookie = `passport_staff=${member.token}`;
    const attempts: { headers: Record<string, string>; type: string }[] = [
      { headers: { cookie, origin: 'https://evil.example' }, type: 'text/csv' },
      { headers: { cookie, 'sec-fetch-site': 'cross-site' }, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      { headers: { cookie }, type: 'text/plain' },
      { headers: { cookie, referer: 'https://evil.example/upload' }, type: 'text/csv' },
    ];
    for (const { headers, type } of attempts) {
      const res = await ctx.api('POST', '/v1/activities/batch', { headers, raw: CSV, type });
      expect(res.status, `${type} ${JSON.stringify(headers)}`).toBe(403);
      expect(res.body.code).toBe('csrf');
    }
    expect((await ctx.api('GET', '/v1/activities', { token: ourKey })).body.items).toEqual([]);
  });

  it('a member\'s session changes neither the projects nor the e-mail language', async () => {
    const attempts: [string, string, unknown][] = [
      ['POST', '/v1/projects', { name: 'Чужой проект' }],
      ['PUT', '/v1/organization/settings', { mailLanguage: 'en' }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await ctx.api(method, path, { token: member.token, body });
      expect(res.body, path).toMatchObject({ status: 403, code: 'forbidden', reason: 'admin' });
    }
    const project = await ctx.api('POST', '/v1/projects', { token: ourKey, body: { name: 'Жас ағаш' } });
    expect((await ctx.api('DELETE', `/v1/projects/${project.body.id}`, { token: member.token })).status).toBe(403);
    expect((await ctx.api('GET', '/v1/projects', { token: member.token })).body.projects).toHaveLength(1);
    expect((await ctx.api('GET', '/v1/organization/settings', { token: member.token })).body.mailLanguage).toBeNull();
  });

  it('a person of another organization can neither print, read, withdraw nor revoke our offers', async () => {
    const ours = await ctx.api('POST', '/v1/activities', { token: member.token, body: { volunteer: { name: 'Дана Серікқызы' }, activity: sampleActivity() } });
    expect(ours.status).toBe(201);
    const id = ours.body.id as string;
    expect((await ctx.api('GET', `/v1/activities/cards.pdf?ids=${id}`, { token: stranger.token })).status).toBe(404);
    expect((await ctx.api('GET', `/v1/activities/${id}`, { token: stranger.token })).status).toBe(404);
    expect((await ctx.api('POST', `/v1/activities/${id}/withdraw`, { token: stranger.token, body: {} })).status).toBe(404);
    expect((await ctx.api('POST', `/v1/credentials/${id}/revoke`, { token: stranger.token, body: { reason: 'x' } })).status).toBe(404);
    const exported = await ctx.api('GET', '/v1/activities/export.csv', { token: stranger.token });
    expect(exported.text).not.toContain('Дана Серікқызы');
    expect((await ctx.api('GET', `/v1/activities/${id}`, { token: member.token })).body.status).toBe('offered');
  });
});

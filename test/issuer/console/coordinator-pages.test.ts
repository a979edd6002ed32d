import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaffIssuer, type StaffContext } from '../staff/setup.ts';

/**
 * Who gets which coordinator page: the people of an organization; recording and uploading for
 * its members and admins, not its viewers; nobody of another unit. The pages are frames whose
 * scripts call the API, so the page's own facts (may this person write?) are checked here.
 */
let t: StaffContext;
const session: Record<string, string> = {};

beforeAll(async () => {
  t = await startStaffIssuer('coordinator-pages');
  await t.organization('pages-org', 'KZ-55');
  await t.frontOffice('fo-pages', 'KZ-55');
  session.member = (await t.person(t.admin, 'organization:pages-org', 'member', 'member@pages-org.kz')).token;
  session.viewer = (await t.person(t.admin, 'organization:pages-org', 'viewer', 'viewer@pages-org.kz')).token;
  session.office = (await t.person(t.admin, 'front-office:fo-pages', 'admin', 'admin@fo-pages.kz')).token;
}, 60_000);
afterAll(async () => {
  await t?.issuer.stop();
});

async function open(path: string, who: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${t.issuer.url}${path}?lang=ru`, { headers: { cookie: `passport_staff=${session[who]}` }, redirect: 'manual' });
  return { status: res.status, text: await res.text() };
}

describe('the coordinator pages', () => {
  it('are open to a member, with the record and upload forms', async () => {
    for (const path of ['/activities', '/activities/new', '/activities/upload', '/projects']) expect((await open(path, 'member')).status, path).toBe(200);
    expect((await open('/activities/new', 'member')).text).toContain('id="record-form"');
    expect((await open('/activities/upload', 'member')).text).toContain('href="/v1/activities/template.xlsx?lang=ru"');
    const list = await open('/activities', 'member');
    expect(list.text).toContain('"mayWrite":true');
    expect(list.text).toContain('href="/activities/new"');
  });

  it('show a viewer the list and the projects only, without the record and upload forms', async () => {
    expect((await open('/activities/new', 'viewer')).status).toBe(403);
    expect((await open('/activities/upload', 'viewer')).status).toBe(403);
    const list = await open('/activities', 'viewer');
    expect(list.status).toBe(200);
    expect(list.text).toContain('"mayWrite":false');
    expect(list.text).not.toContain('href="/activities/new"');
    const projects = await open('/projects', 'viewer');
    expect(projects.text).not.toContain('id="project-form"');
    expect(projects.text).toContain('id="mail-language" name="mailLanguage" disabled');
  });

  it('refuse people of other units, and show the sign-in form to nobody signed in', async () => {
    expect((await open('/activities', 'office')).status).toBe(403);
    const anonymous = await fetch(`${t.issuer.url}/activities?lang=ru`);
    expect(await anonymous.text()).toContain('id="signin-form"');
  });
});

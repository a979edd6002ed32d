import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleActivity } from '../../helpers/activity.ts';
import { startMailbox, type TestMailbox } from '../../helpers/smtp.ts';
import { startStaffIssuer, type StaffContext } from '../staff/setup.ts';

/**
 * The organization's own projects and e-mail language: read by everyone of the organization,
 * changed by its admins (and its API keys), never by a member or a viewer; an offer e-mail whose
 * row names no language goes out in the organization's language, not the deployment's.
 */
let t: StaffContext;
let mailbox: TestMailbox;
let apiKey: string;
const people: Record<'admin' | 'member' | 'viewer', string> = { admin: '', member: '', viewer: '' };

beforeAll(async () => {
  mailbox = await startMailbox();
  t = await startStaffIssuer('org-settings', { SMTP_URL: mailbox.url, MAIL_LANGUAGE: 'kk' });
  apiKey = (await t.organization('settings-org', 'KZ-55')).apiKey;
  for (const role of ['admin', 'member', 'viewer'] as const) {
    people[role] = (await t.person(t.admin, 'organization:settings-org', role, `${role}@settings-org.kz`)).token;
  }
}, 60_000);
afterAll(async () => {
  await t?.issuer.stop();
  await mailbox?.stop();
});

describe('projects', () => {
  it('are added and removed by the organization\'s admins and API keys only', async () => {
    const byMember = await t.api('POST', '/v1/projects', { token: people.member, body: { name: 'Жас ағаш' } });
    expect(byMember.body).toMatchObject({ status: 403, code: 'forbidden', reason: 'admin' });
    const byViewer = await t.api('POST', '/v1/projects', { token: people.viewer, body: { name: 'Жас ағаш' } });
    expect(byViewer.body).toMatchObject({ status: 403, code: 'forbidden', reason: 'viewer' });
    const added = await t.api('POST', '/v1/projects', { token: people.admin, body: { name: 'Жас ағаш' } });
    expect(added.status).toBe(201);
    expect((await t.api('POST', '/v1/projects', { token: apiKey, body: { name: 'Эко бақылау' } })).status).toBe(201);
    // Everyone of the organization reads the list the form offers.
    const listed = await t.api('GET', '/v1/projects', { token: people.viewer });
    expect(listed.body.projects.map((p: { name: string }) => p.name)).toEqual(['Жас ағаш', 'Эко бақылау']);
    expect((await t.api('DELETE', `/v1/projects/${added.body.id}`, { token: people.member })).body).toMatchObject({ status: 403, reason: 'admin' });
    expect((await t.api('DELETE', `/v1/projects/${added.body.id}`, { token: people.admin })).status).toBe(204);
  });
});

describe('the organization\'s e-mail language', () => {
  it('is the deployment\'s until an admin chooses one; members and viewers cannot', async () => {
    expect((await t.api('GET', '/v1/organization/settings', { token: people.viewer })).body).toEqual({ mailLanguage: null, defaultMailLanguage: 'kk' });
    expect((await t.api('PUT', '/v1/organization/settings', { token: people.member, body: { mailLanguage: 'ru' } })).body).toMatchObject({ status: 403, reason: 'admin' });
    expect((await t.api('PUT', '/v1/organization/settings', { token: people.admin, body: { mailLanguage: 'de' } })).body).toMatchObject({ status: 400, code: 'invalid_request', field: 'mailLanguage' });
    expect((await t.api('PUT', '/v1/organization/settings', { token: people.admin, body: {} })).body).toMatchObject({ status: 400, field: 'mailLanguage' });
    const changed = await t.api('PUT', '/v1/organization/settings', { token: people.admin, body: { mailLanguage: 'ru' } });
    expect(changed.body).toEqual({ mailLanguage: 'ru', defaultMailLanguage: 'kk' });
    const journal = await t.api('GET', '/v1/audit', { token: people.admin });
    const entry = journal.body.entries.find((e: { action: string }) => e.action === 'organization.settings_changed');
    expect(entry).toMatchObject({ subject: 'settings-org' });
    expect(JSON.stringify(entry.actor)).toContain('staff');
  });

  it('writes a row without a language in the organization\'s language, and a row with one in its own', async () => {
    await t.api('PUT', '/v1/organization/settings', { token: people.admin, body: { mailLanguage: 'ru' } });
    const rows = [
      { volunteer: { name: 'Анна Ким', email: 'anna@example.kz' }, activity: sampleActivity() },
      { volunteer: { name: 'Айгерім', email: 'aigerim@example.kz', language: 'kk' }, activity: sampleActivity({ hours: 3 }) },
    ];
    const recorded = await t.api('POST', '/v1/activities/batch', { token: people.member, body: rows });
    expect(recorded.status, recorded.text).toBe(200);
    const mails = await mailbox.waitFor(2);
    const to = (address: string) => mails.find((m) => JSON.stringify(m.to).includes(address))!;
    expect(to('anna@example.kz').subject).toContain('Подтверждение вашей волонтёрской работы');
    expect(to('aigerim@example.kz').subject).toContain('Волонтерлік жұмысыңыздың куәлігі');

    await t.api('PUT', '/v1/organization/settings', { token: apiKey, body: { mailLanguage: null } });
    expect((await t.api('GET', '/v1/organization/settings', { token: people.member })).body.mailLanguage).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { sampleActivity } from '../helpers/activity.ts';
import { activityProblems, credentialSchemaProblems, parseActivity, buildVolunteerCredential } from '../../shared/credential/index.ts';

const now = new Date('2026-06-01T12:00:00Z');
const valid = () => sampleActivity();

describe('parseActivity', () => {
  it('accepts the activity of DESIGN.md', () => {
    expect(parseActivity(valid(), 'activity', now)).toMatchObject({ category: 'ecology', hours: 18.5 });
  });

  it.each([
    ['an unknown category', { category: 'cooking' }, 'activity.category'],
    ['a pre-2022 region code', { region: 'KZ-PAV' }, 'activity.region'],
    ['hours of zero', { hours: 0 }, 'activity.hours'],
    ['hours as a string', { hours: '5' }, 'activity.hours'],
    ['more than 24 hours a day', { activityStartDate: '2026-04-20', activityEndDate: '2026-04-20', hours: 25 }, 'activity.hours'],
    ['dates out of order', { activityStartDate: '2026-04-27', activityEndDate: '2026-04-20' }, 'activity.activityEndDate'],
    ['a date that is not in the calendar', { activityStartDate: '2026-02-30' }, 'activity.activityStartDate'],
    ['an activity that has not ended yet', { activityEndDate: '2026-07-01' }, 'activity.activityEndDate'],
    ['a start before 2000 (0001-01-01, with hours the days would allow)', { activityStartDate: '0001-01-01', activityEndDate: '2025-01-01', hours: 17_000_000 }, 'activity.activityStartDate'],
    ['no name in any language', { name: {} }, 'activity.name'],
    ['a name in an unsupported language', { name: { de: 'Bäume' } }, 'activity.name'],
    ['an unknown field', { colour: 'green' }, 'activity'],
  ])('refuses %s, naming %s', (_why, change, field) => {
    const problems = activityProblems({ ...valid(), ...change }, 'activity', now);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.field).toBe(field);
    expect(() => parseActivity({ ...valid(), ...change }, 'activity', now)).toThrow(expect.objectContaining({ code: 'invalid_request', field }));
  });

  it('requires the core fields', () => {
    const { category: _c, ...rest } = valid();
    expect(activityProblems(rest, 'activity', now)).toEqual([{ field: 'activity.category', message: 'is required' }]);
  });
});

describe('credentialSchemaProblems', () => {
  const credential = () =>
    buildVolunteerCredential({
      issuerUrl: 'http://localhost:4100',
      id: 'urn:uuid:7f0e0000-0000-4000-8000-000000000000',
      issuer: { id: 'did:web:localhost%3A4100:orgs:eco-qyran', name: 'Эко Қыран' },
      issuanceDate: '2026-05-02T10:00:00Z',
      subject: { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', name: 'Dana Example' },
      activity: parseActivity(valid(), 'activity', now),
    });

  it('accepts a credential built from a valid activity', () => {
    expect(credentialSchemaProblems(credential())).toEqual([]);
  });

  it('names what is wrong', () => {
    const c = credential() as unknown as { credentialSubject: { activity: Record<string, unknown> }; type: string[] };
    c.credentialSubject.activity.hours = 200;
    expect(credentialSchemaProblems(c)).toEqual(['credentialSubject.activity.hours must be at most 192 for an activity of 8 day(s)']);
    c.type = ['VerifiableCredential'];
    expect(credentialSchemaProblems(c).join()).toMatch(/\/type/);
  });
});

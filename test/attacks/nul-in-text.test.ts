import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BACKEND } from '../helpers/database.ts';
import { activity, startIssuer, type IssuerUnderTest, type Organization } from '../issuer/issuance/setup.ts';

// PostgreSQL refuses the NUL character in TEXT, and as a \u0000 escape in JSON read as jsonb, where
// SQLite stores both: sent from outside, it must be a 4xx there, never a 500.
describe(`the NUL character in recorded text, on ${TEST_BACKEND}`, () => {
  let t: IssuerUnderTest;
  let org: Organization;

  beforeAll(async () => {
    t = await startIssuer();
    org = await t.accredit('nul-bytes');
  });
  afterAll(() => t?.issuer.stop());

  it('a NUL in the volunteer name is stored or refused with 400, never a 500', async () => {
    const res = await t.api('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name: 'Дана\u0000Әлиева' }, activity: activity() } });
    expect([201, 400]).toContain(res.status);
    if (res.status === 400) expect(res.body.code).toBe('invalid_request');
  });

  it('a NUL inside the activity JSON (the statistics read it as jsonb) is stored or refused with 400, never a 500', async () => {
    const res = await t.api('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name: 'Дана' }, activity: activity({ project: 'Жас\u0000ағаш' }) } });
    expect([201, 400]).toContain(res.status);
    if (res.status === 400) expect(res.body.code).toBe('invalid_request');
  });

  it('a NUL in an idempotency key is stored or refused with 400, never a 500', async () => {
    const res = await t.api('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name: 'Дана' }, activity: activity(), idempotencyKey: 'key\u0000one' } });
    expect([201, 400]).toContain(res.status);
  });
});

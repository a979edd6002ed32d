import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusBitstring } from '../../../shared/status-list/index.ts';
import { activity, claimByHand, newHolder, startIssuer, type IssuerUnderTest, type Organization } from '../../issuer/issuance/setup.ts';

/**
 * WORKERS=2: two processes share the port and one SQLite file, as two instances of a service
 * would share a database. Everything they must agree on is in the database, so racing requests
 * spread over both still record once, issue once and never hand out one status index twice.
 */
describe('a service run with WORKERS=2', () => {
  let t: IssuerUnderTest;
  let org: Organization;

  beforeAll(async () => {
    t = await startIssuer({ WORKERS: '2' });
    org = await t.accredit('two-workers');
  });
  afterAll(() => t.issuer.stop());

  const requestPids = () => new Set([...t.issuer.output().matchAll(/"pid":(\d+)[^\n]*"msg":"request"/g)].map((m) => m[1]));

  it('serves from both workers, and an idempotency key raced across them records once', async () => {
    const body = { volunteer: { name: 'Ерлан Қасымов' }, activity: activity({ hours: 3 }), idempotencyKey: 'raced-over-workers' };
    const answers = await Promise.all(Array.from({ length: 16 }, () => t.api('POST', '/v1/activities', { token: org.apiKey, body })));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const listed = await t.api('GET', '/v1/activities?limit=100', { token: org.apiKey });
    expect(listed.body.items.filter((i: { id: string }) => i.id === answers[0]!.body.id)).toHaveLength(1);
    // Which worker accepts a connection is the kernel's choice; under load one may take a whole
    // burst, so keep asking (bounded) until both have answered.
    for (let round = 0; round < 20 && requestPids().size < 2; round++) {
      await Promise.all(Array.from({ length: 16 }, () => t.api('GET', '/v1/activities?limit=1', { token: org.apiKey })));
    }
    expect(requestPids().size).toBe(2);
  });

  it('issues credentials claimed at once over both workers, each with its own status index', async () => {
    const recorded = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.api('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name: `Volunteer ${i}` }, activity: activity({ hours: 2 }) } }),
      ),
    );
    const claims = await Promise.all(recorded.map((r) => claimByHand(t, r.body.offerUri, newHolder())));
    expect(claims.map((c) => c.status)).toEqual(claims.map(() => 200));
    const indices = claims.map((c) => JSON.parse(Buffer.from(c.body.credentials[0].credential.split('.')[1], 'base64url').toString()).vc.credentialStatus.statusListIndex);
    expect(new Set(indices).size).toBe(indices.length);

    // Revoke one through whichever worker answers, then read the list through the other ones.
    const revoked = await t.api('POST', `/v1/credentials/${recorded[0]!.body.id}/revoke`, { token: org.apiKey, body: { reason: 'test' } });
    expect(revoked.status).toBe(200);
    for (let i = 0; i < 4; i++) {
      const list = await t.api('GET', `/status/${org.id}/1`);
      const bits = await StatusBitstring.decode(JSON.parse(Buffer.from(list.text.split('.')[1]!, 'base64url').toString()).vc.credentialSubject.encodedList);
      expect(bits.get(Number(indices[0]))).toBe(true);
      expect(bits.get(Number(indices[1]))).toBe(false);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidResolver } from '../../../shared/did/index.ts';
import { verifyDidJwt } from '../../../shared/jwt/index.ts';
import { createGuardedFetch } from '../../../shared/net/index.ts';
import { activity, newHolder, startIssuer, type IssuerUnderTest, type Organization } from './setup.ts';

let t: IssuerUnderTest;
let org: Organization;
const dids = createDidResolver({ fetch: createGuardedFetch({ httpHosts: ['localhost'] }), httpHosts: ['localhost'] });

beforeAll(async () => {
  t = await startIssuer();
  org = await t.accredit('vc-api-org');
}, 60_000);
afterAll(() => t?.issuer.stop());

function volunteerCredential(overrides: Record<string, unknown> = {}, activityOverrides: Record<string, unknown> = {}) {
  return {
    '@context': ['https://www.w3.org/2018/credentials/v1', `${t.issuer.url}/contexts/volunteer/v1`],
    type: ['VerifiableCredential', 'VolunteerActivityCredential'],
    credentialSubject: { id: newHolder().did, name: 'Дана Әлиева', activity: activity(activityOverrides) },
    ...overrides,
  };
}
const issue = (body: unknown, token = org.apiKey) => t.api('POST', '/credentials/issue', { token, body });

describe('POST /credentials/issue', () => {
  it('signs a VC 1.1 credential as a VC-JWT with a status entry of the organization', async () => {
    const credential = volunteerCredential();
    const res = await issue({ credential, options: {} });
    expect(res.status).toBe(201);
    const vc = res.body.verifiableCredential;
    expect(vc.issuer).toMatchObject({ id: org.did });
    expect(vc.id).toMatch(/^urn:uuid:/);
    expect(vc.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusListCredential: `${t.issuer.url}/status/vc-api-org/1` });
    expect(vc.proof.type).toBe('JwtProof2020');
    const verified = await verifyDidJwt(vc.proof.jwt, { dids, relationship: 'assertionMethod', expectedDid: org.did });
    expect(verified.payload).toMatchObject({ iss: org.did, sub: credential.credentialSubject.id, jti: vc.id });
    expect((verified.payload.vc as any).credentialStatus.statusListIndex).toBe(vc.credentialStatus.statusListIndex);
    const revoke = await t.api('POST', `/v1/credentials/${encodeURIComponent(vc.id)}/revoke`, { token: org.apiKey, body: { reason: 'test' } });
    expect(revoke.body).toMatchObject({ status: 'revoked', statusListIndex: vc.credentialStatus.statusListIndex });
  });

  it('keeps a given issuer of its own, and an expirationDate even in the past', async () => {
    const res = await issue({ credential: volunteerCredential({ issuer: org.did, expirationDate: '2026-01-01T00:00:00Z' }) });
    expect(res.status).toBe(201);
    const verified = await verifyDidJwt(res.body.verifiableCredential.proof.jwt, { dids, relationship: 'assertionMethod' });
    expect(verified.payload.exp).toBe(Date.parse('2026-01-01T00:00:00Z') / 1000);
  });

  it('signs credentials of other types without the volunteer schema', async () => {
    const res = await issue({ credential: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], credentialSubject: { id: newHolder().did, note: 'thanks' } } });
    expect(res.status).toBe(201);
  });

  it('answers 400 for malformed input, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'credential'],
      [{ credential: 'jwt' }, 'credential'],
      [{ credential: volunteerCredential(), extra: 1 }, 'extra'],
      [{ credential: volunteerCredential({ '@context': undefined }) }, 'credential.@context'],
      [{ credential: volunteerCredential({ type: 'VerifiableCredential' }) }, 'credential.type'],
      [{ credential: volunteerCredential({ credentialSubject: { name: 'No id' } }) }, 'credential.credentialSubject.id'],
      [{ credential: volunteerCredential({ issuanceDate: 'yesterday' }) }, 'credential.issuanceDate'],
      [{ credential: volunteerCredential(), options: 'fast' }, 'options'],
    ];
    for (const [body, field] of cases) {
      const res = await issue(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid_request', field });
    }
  });

  it('answers 422 for a well-formed credential it will not sign', async () => {
    const cases: [unknown, string][] = [
      [volunteerCredential({ issuer: 'did:web:elsewhere.kz' }), 'credential.issuer'],
      [volunteerCredential({ issuanceDate: '2020-01-01T00:00:00Z' }), 'credential.issuanceDate'],
      [volunteerCredential({ '@context': ['https://www.w3.org/ns/credentials/v2'] }), 'credential.@context'],
      [volunteerCredential({ credentialStatus: { type: 'BitstringStatusListEntry' } }), 'credential.credentialStatus'],
      [volunteerCredential({}, { hours: 200 }), 'credential'],
      [volunteerCredential({}, { category: 'gardening' }), 'credential'],
    ];
    for (const [credential, field] of cases) {
      const res = await issue({ credential });
      expect(res.status, JSON.stringify(credential)).toBe(422);
      expect(res.body).toMatchObject({ code: 'unprocessable', field });
    }
  });

  it('is for organizations only, and not for suspended ones', async () => {
    expect((await t.api('POST', '/credentials/issue', { body: { credential: volunteerCredential() } })).status).toBe(401);
    const suspended = await t.accredit('vc-api-suspended');
    await t.api('POST', '/v1/organizations/vc-api-suspended/suspend', { token: 'issuance-test-admin-token', body: { reason: 'review' } });
    expect((await issue({ credential: volunteerCredential() }, suspended.apiKey)).body).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('refuses a credential id issued before', async () => {
    const id = `urn:uuid:${crypto.randomUUID()}`;
    expect((await issue({ credential: volunteerCredential({ id }) })).status).toBe(201);
    expect((await issue({ credential: volunteerCredential({ id }) })).body).toMatchObject({ status: 409, code: 'conflict' });
  });
});

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
    issuer: org.did,
    credentialSubject: { id: newHolder().did, name: 'Дана Әлиева', activity: activity(activityOverrides) },
    ...overrides,
  };
}
const issue = (body: unknown, token = org.apiKey) => t.api('POST', '/credentials/issue', { token, body });

describe('POST /credentials/issue', () => {
  it('signs a VC 1.1 credential as a VC-JWT with a status entry of the organization', async () => {
    const credential: Record<string, any> = volunteerCredential({ id: `urn:uuid:${crypto.randomUUID()}` });
    const res = await issue({ credential, options: {} });
    expect(res.status).toBe(201);
    const vc = res.body.verifiableCredential;
    expect(vc.issuer).toMatchObject({ id: org.did });
    expect(vc.id).toBe(credential.id);
    expect(vc.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusListCredential: `${t.issuer.url}/status/vc-api-org/1` });
    expect(vc.proof.type).toBe('JwtProof2020');
    const verified = await verifyDidJwt(vc.proof.jwt, { dids, relationship: 'assertionMethod', expectedDid: org.did });
    expect(verified.payload).toMatchObject({ iss: org.did, sub: credential.credentialSubject.id, jti: vc.id });
    expect((verified.payload.vc as any).credentialStatus.statusListIndex).toBe(vc.credentialStatus.statusListIndex);
    const revoke = await t.api('POST', `/v1/credentials/${encodeURIComponent(vc.id)}/revoke`, { token: org.apiKey, body: { reason: 'test' } });
    expect(revoke.body).toMatchObject({ status: 'revoked', statusListIndex: vc.credentialStatus.statusListIndex });
  });

  it('invents no id, and such a credential is revoked by its status entry id', async () => {
    const res = await issue({ credential: volunteerCredential() });
    expect(res.status).toBe(201);
    const vc = res.body.verifiableCredential;
    expect(vc.id).toBeUndefined();
    const verified = await verifyDidJwt(vc.proof.jwt, { dids, relationship: 'assertionMethod' });
    expect(verified.payload.jti).toBeUndefined();
    const revoke = await t.api('POST', `/v1/credentials/${encodeURIComponent(vc.credentialStatus.id)}/revoke`, { token: org.apiKey, body: { reason: 'test' } });
    expect(revoke.status).toBe(200);
    expect(revoke.body).toMatchObject({ id: vc.credentialStatus.id, status: 'revoked', statusListIndex: vc.credentialStatus.statusListIndex });
  });

  it('keeps the issuer given as a string, and an expirationDate even in the past', async () => {
    const res = await issue({ credential: volunteerCredential({ issuer: org.did, expirationDate: '2026-01-01T00:00:00Z' }) });
    expect(res.status).toBe(201);
    const verified = await verifyDidJwt(res.body.verifiableCredential.proof.jwt, { dids, relationship: 'assertionMethod' });
    expect(verified.payload.exp).toBe(Date.parse('2026-01-01T00:00:00Z') / 1000);
  });

  it('signs credentials of other types without the volunteer schema', async () => {
    const res = await issue({ credential: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], issuer: org.did, credentialSubject: { id: newHolder().did, note: 'thanks' } } });
    expect(res.status).toBe(201);
  });

  it('answers 400 for malformed input, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'credential'],
      [{ credential: 'jwt' }, 'credential'],
      [{ credential: volunteerCredential(), extra: 1 }, 'extra'],
      [{ credential: volunteerCredential({ '@context': undefined }) }, 'credential.@context'],
      [{ credential: volunteerCredential({ '@context': ['https://www.w3.org/ns/credentials/v1'] }) }, 'credential.@context'],
      [{ credential: volunteerCredential({ '@context': ['https://www.w3.org/2018/credentials/v1', 42] }) }, 'credential.@context[1]'],
      [{ credential: volunteerCredential({ type: ['VolunteerActivityCredential'] }) }, 'credential.type'],
      [{ credential: volunteerCredential({ id: 'not a url' }) }, 'credential.id'],
      [{ credential: volunteerCredential({ issuer: undefined }) }, 'credential.issuer'],
      [{ credential: volunteerCredential({ issuer: { name: 'No id' } }) }, 'credential.issuer'],
      [{ credential: volunteerCredential({ credentialSubject: {} }) }, 'credential.credentialSubject'],
      [{ credential: volunteerCredential({ credentialSubject: { id: 'nobody', name: 'X' } }) }, 'credential.credentialSubject.id'],
      [{ credential: volunteerCredential({ issuanceDate: 'yesterday' }) }, 'credential.issuanceDate'],
      [{ credential: volunteerCredential({ issuanceDate: '2026-05-02T10:00:00' }) }, 'credential.issuanceDate'],
      [{ credential: volunteerCredential({ expirationDate: '2026-02-30T10:00:00Z' }) }, 'credential.expirationDate'],
      [{ credential: volunteerCredential({ validUntil: '2030-01-01T00:00:00Z' }) }, 'credential.validUntil'],
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
      [volunteerCredential({ credentialSubject: [{ id: newHolder().did }, { id: newHolder().did }] }), 'credential.credentialSubject'],
      [volunteerCredential({ id: `${t.issuer.url}/status/vc-api-org/1#7` }), 'credential.id'],
      [volunteerCredential({ proof: { type: 'JwtProof2020', jwt: 'x.y.z' } }), 'credential.proof'],
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
    expect((await issue({ credential: volunteerCredential({ issuer: suspended.did }) }, suspended.apiKey)).body).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('refuses a credential id issued before', async () => {
    const id = `urn:uuid:${crypto.randomUUID()}`;
    expect((await issue({ credential: volunteerCredential({ id }) })).status).toBe(201);
    expect((await issue({ credential: volunteerCredential({ id }) })).body).toMatchObject({ status: 409, code: 'conflict' });
  });
});

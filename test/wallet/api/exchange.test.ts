import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwtParts } from '../../../shared/jwt/index.ts';
import { IssuerFixture } from '../../helpers/issuer-fixture.ts';
import { Passport, type Organization, type Volunteer } from './setup.ts';

let passport: Passport;
let fixture: IssuerFixture;
let eco: Organization;
let dana: Volunteer;
let aigerim: Volunteer;
let file: { type: string; version: number; holder: string; credentials: string[] };

beforeAll(async () => {
  [passport, fixture] = await Promise.all([Passport.start(), IssuerFixture.start()]);
  fixture.addOrganization('other-issuer');
  eco = await passport.accredit('eco-qyran');
  dana = await passport.volunteer('dana');
  aigerim = await passport.volunteer('aigerim');
  for (const hours of [3, 8]) {
    const recorded = await passport.record(eco, { hours });
    expect((await passport.claim(dana, recorded.offerUri)).status).toBe(201);
  }
});
afterAll(async () => {
  await Promise.all([passport?.stop(), fixture?.stop()]);
});

const importInto = (volunteer: Volunteer, body: unknown) => passport.walletApi('POST', '/v1/import', { token: volunteer.token, body });

describe('export', () => {
  it('exports the credentials as plain VC-JWTs in a file', async () => {
    const res = await passport.walletApi('GET', '/v1/export', { token: dana.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?volunteer-passport-\d{4}-\d{2}-\d{2}\.json"?$/);
    file = res.body;
    expect(file).toMatchObject({ type: 'VolunteerPassportExport', version: 1, holder: dana.did });
    expect(file.credentials).toHaveLength(2);
    for (const jwt of file.credentials) {
      const { header, payload } = decodeJwtParts(jwt);
      expect(header.alg).toBe('EdDSA');
      expect(payload.iss).toBe(eco.did);
      expect(payload.sub).toBe(dana.did);
    }
  });
});

describe('import', () => {
  it("refuses another volunteer's credentials, one by one", async () => {
    const res = await importInto(aigerim, file);
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(0);
    expect(res.body.results).toEqual([
      { index: 0, imported: false, code: 'not_subject', reason: expect.stringContaining(aigerim.did) },
      { index: 1, imported: false, code: 'not_subject', reason: expect.stringContaining(aigerim.did) },
    ]);
    expect((await passport.walletApi('GET', '/v1/credentials', { token: aigerim.token })).body.credentials).toEqual([]);
  });

  it('takes its own credentials back after they were deleted, and reports duplicates', async () => {
    const before = (await passport.walletApi('GET', '/v1/credentials', { token: dana.token })).body.credentials;
    const deleted = before[0].id;
    expect((await passport.walletApi('DELETE', `/v1/credentials/${encodeURIComponent(deleted)}`, { token: dana.token })).status).toBe(204);
    const res = await importInto(dana, file);
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(1);
    const byId = Object.fromEntries(res.body.results.map((r: { id: string }) => [r.id, r]));
    expect(byId[deleted]).toMatchObject({ imported: true });
    expect(Object.values(byId).find((r: any) => r.id !== deleted)).toMatchObject({ imported: false, code: 'duplicate' });
    const after = (await passport.walletApi('GET', '/v1/credentials', { token: dana.token })).body.credentials;
    expect(after).toHaveLength(2);
    expect(after.find((c: { id: string }) => c.id === deleted)).toMatchObject({ status: 'valid', source: 'import' });
    expect((await passport.walletApi('GET', '/v1/summary', { token: dana.token })).body.totalHours).toBe(11);
  });

  it('checks every credential of a plain JSON array: format, signature, schema', async () => {
    const [header, payload] = file.credentials[0]!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.vc.credentialSubject.activity.hours = 24;
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${file.credentials[0]!.split('.')[2]}`;
    const impossible = await fixture.issue('other-issuer', { holderDid: dana.did, activity: { hours: 100, activityStartDate: '2025-01-01', activityEndDate: '2025-01-01' } });
    const foreign = await fixture.issue('other-issuer', { holderDid: dana.did, activity: { hours: 2 } });
    const res = await importInto(dana, ['not a jwt', 42, tampered, impossible, foreign]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { code?: string; imported: boolean }) => r.code ?? 'imported')).toEqual(['invalid_format', 'invalid_format', 'bad_signature', 'schema', 'imported']);
    // Signed by a DID the registry does not list: kept, but not counted.
    const list = (await passport.walletApi('GET', '/v1/credentials', { token: dana.token })).body.credentials;
    expect(list.find((c: { issuerDid: string }) => c.issuerDid === fixture.organizations.get('other-issuer')!.did).status).toBe('issuer_not_accredited');
    expect((await passport.walletApi('GET', '/v1/summary', { token: dana.token })).body).toMatchObject({ totalHours: 11, excluded: { total: 1, byStatus: { issuer_not_accredited: 1 } } });
  });

  it('refuses a body that is neither an export file nor an array', async () => {
    const res = await importInto(dana, { credentials: 'nope' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request', field: 'credentials' });
  });
});

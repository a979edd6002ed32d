import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwtParts, signJwt } from '../../../shared/jwt/index.ts';
import { presentation, presentationV2 } from '../../helpers/issuer-fixture.ts';
import { startService, type StartedService } from '../../helpers/services.ts';
import { activity, newHolder, startIssuer, type Holder, type IssuerUnderTest, type Organization } from '../../issuer/issuance/setup.ts';
import { check, postJson, type Result } from '../helpers.ts';

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';

// The W3C VC API between a running issuer and a running verifier, as any VC API client would use
// them: VC 2.0 credentials issued as enveloped vc+jwt, VC 1.1 as VC-JWT, and verified back.
describe('VC API: issue on the issuer, verify on the verifier', () => {
  let t: IssuerUnderTest;
  let verifier: StartedService;
  let org: Organization;
  let volunteer: Holder;

  beforeAll(async () => {
    t = await startIssuer();
    org = await t.accredit('vc-api-v2-org');
    volunteer = newHolder();
    verifier = await startService('verifier', { env: { ISSUER_URL: t.issuer.url, VERIFIER_CACHE_SECONDS: '0' } });
  });
  afterAll(async () => {
    await Promise.all([verifier?.stop(), t?.issuer.stop()]);
  });

  const issue = (credential: Record<string, unknown>) => t.api('POST', '/credentials/issue', { token: org.apiKey, body: { credential } });
  const verifyCredential = (verifiableCredential: unknown) => postJson(`${verifier.url}/credentials/verify`, { verifiableCredential });
  const volunteerV2 = (overrides: Record<string, unknown> = {}) => ({
    '@context': [V2, `${t.issuer.url}/contexts/volunteer/v1`],
    type: ['VerifiableCredential', 'VolunteerActivityCredential'],
    issuer: org.did,
    credentialSubject: { id: volunteer.did, name: 'Дана Әлиева', activity: activity() },
    ...overrides,
  });
  const jwtOfEnvelope = (envelope: { id: string }) => envelope.id.slice('data:application/vc+jwt,'.length);

  it('answers a VC 2.0 credential with an enveloped vc+jwt whose payload is the credential itself', async () => {
    const validUntil = '2031-01-01T00:00:00Z';
    const res = await issue(volunteerV2({ id: 'urn:example:volunteer-1', validUntil }));
    expect(res.status).toBe(201);
    const envelope = res.body.verifiableCredential;
    expect(envelope).toEqual({ '@context': V2, type: 'EnvelopedVerifiableCredential', id: expect.stringMatching(/^data:application\/vc\+jwt,ey/) });
    const { header, payload } = decodeJwtParts(jwtOfEnvelope(envelope));
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', kid: `${org.did}#key-1` });
    expect(payload).toMatchObject({
      '@context': [V2, `${t.issuer.url}/contexts/volunteer/v1`],
      id: 'urn:example:volunteer-1',
      type: ['VerifiableCredential', 'VolunteerActivityCredential'],
      issuer: { id: org.did, name: expect.arrayContaining([{ '@value': 'Organization vc-api-v2-org', '@language': 'en' }]) },
      validUntil,
      credentialSubject: { id: volunteer.did, activity: activity() },
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
      // The claims are derived from the credential's own members, nothing else.
      iss: org.did,
      jti: 'urn:example:volunteer-1',
      sub: volunteer.did,
      exp: Date.parse(validUntil) / 1000,
    });
    expect(payload.vc).toBeUndefined();
    const verified = await verifyCredential(envelope);
    expect(verified.status).toBe(200);
    expect(verified.body.verified).toBe(true);
    expect(check(verified.body, 'issuer_accredited').outcome).toBe('passed');
    expect(verified.body.credentials[0]).toMatchObject({ securing: 'vc+jwt', subject: { did: volunteer.did }, activity: activity() });
    expect((await verifyCredential(jwtOfEnvelope(envelope))).status).toBe(200);
  });

  it('issues and verifies a set of subjects, some without ids, and invents no id', async () => {
    const other = newHolder();
    const res = await issue({
      '@context': [V2, { note: 'https://schema.org/description' }],
      type: ['VerifiableCredential'],
      issuer: { id: org.did, name: 'Cleanup crew lead' },
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: [{ id: volunteer.did, note: 'team lead' }, { id: other.did }, { note: 'a guest without a DID' }],
    });
    expect(res.status).toBe(201);
    const { payload } = decodeJwtParts(jwtOfEnvelope(res.body.verifiableCredential));
    expect(payload.id).toBeUndefined();
    expect(payload.jti).toBeUndefined();
    expect(payload.sub).toBeUndefined();
    expect(payload.nbf).toBe(Date.parse('2026-01-01T00:00:00Z') / 1000);
    expect(payload.credentialSubject).toHaveLength(3);
    const verified = await verifyCredential(res.body.verifiableCredential);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ verified: true, totals: { hours: 0, credentials: 0 } });
    expect(check(verified.body, 'schema').outcome).toBe('not_applicable');

    const single = await issue({ '@context': [V2], type: ['VerifiableCredential'], issuer: org.did, credentialSubject: { note: 'no DID at all' } });
    expect(single.status).toBe(201);
    expect((await verifyCredential(single.body.verifiableCredential)).body.verified).toBe(true);
  });

  it('revokes a VC 2.0 credential without an id by its status entry id, and the verifier sees it', async () => {
    const res = await issue(volunteerV2());
    const envelope = res.body.verifiableCredential;
    const { credentialStatus } = decodeJwtParts(jwtOfEnvelope(envelope)).payload as { credentialStatus: { id: string } };
    const revoke = await t.api('POST', `/v1/credentials/${encodeURIComponent(credentialStatus.id)}/revoke`, { token: org.apiKey, body: { reason: 'recorded twice' } });
    expect(revoke.status).toBe(200);
    expect(revoke.body).toMatchObject({ id: credentialStatus.id, status: 'revoked' });
    const verified = await verifyCredential(envelope);
    expect(verified.status).toBe(422);
    expect(verified.body.problemDetails).toEqual([expect.objectContaining({ check: 'not_revoked', code: 'revoked' })]);
  });

  it('keeps VC 1.1: answered as a VC-JWT in proof.jwt, and verified in that form', async () => {
    const res = await issue({ '@context': [V1, `${t.issuer.url}/contexts/volunteer/v1`], type: ['VerifiableCredential', 'VolunteerActivityCredential'], issuer: org.did, credentialSubject: { id: volunteer.did, name: 'Дана Әлиева', activity: activity() } });
    expect(res.status).toBe(201);
    const vc = res.body.verifiableCredential;
    expect(vc).toMatchObject({ '@context': [V1, `${t.issuer.url}/contexts/volunteer/v1`], issuer: { id: org.did }, proof: { type: 'JwtProof2020' } });
    expect(decodeJwtParts(vc.proof.jwt).payload).toMatchObject({ iss: org.did, sub: volunteer.did, vc: { type: ['VerifiableCredential', 'VolunteerActivityCredential'] } });
    const verified = await verifyCredential(vc);
    expect(verified.status).toBe(200);
    expect(verified.body.credentials[0].securing).toBe('jwt_vc_json');
  });

  it('verifies a VC 2.0 presentation of issued credentials against its challenge and domain', async () => {
    const a = jwtOfEnvelope((await issue(volunteerV2())).body.verifiableCredential);
    const b = jwtOfEnvelope((await issue(volunteerV2({ credentialSubject: { id: volunteer.did, activity: activity({ category: 'social', hours: 4 }) } }))).body.verifiableCredential);
    const vp = await presentationV2(volunteer, [a, b], { nonce: 'n-42', aud: 'https://employer.example' });
    const res = await postJson(`${verifier.url}/presentations/verify`, { verifiablePresentation: vp, options: { challenge: 'n-42', domain: 'https://employer.example' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ verified: true, totals: { hours: 22.5, credentials: 2 } });
    expect(check(res.body, 'holder_binding').outcome).toBe('passed');
    // Without the caller's challenge the same presentation proves its credentials, not its presenter.
    const bearer = await postJson(`${verifier.url}/presentations/verify`, { verifiablePresentation: vp });
    expect(bearer.status).toBe(200);
    expect(check(bearer.body, 'holder_binding')).toMatchObject({ outcome: 'not_applicable', bearer: true });
  });

  describe('credentials of other issuers: the standard checks decide, the registry is reported beside them', () => {
    const selfIssued = async (issuer: Holder, body: Record<string, unknown>) => {
      const payload = { '@context': [V2], issuer: issuer.did, credentialSubject: { id: volunteer.did, note: 'thanks' }, type: ['VerifiableCredential'], ...body };
      return signJwt({ ...payload, iss: issuer.did }, { key: issuer.key, kid: issuer.kid, typ: 'vc+jwt' });
    };

    it('a credential of another type from an unlisted did:key verifies, with the trust check advisory and a warning', async () => {
      const res = await verifyCredential(await selfIssued(newHolder(), { validFrom: '2026-01-01T00:00:00Z' }));
      expect(res.status).toBe(200);
      const result = res.body as Result;
      expect(result.verified).toBe(true);
      expect(check(result, 'issuer_accredited')).toMatchObject({ valid: false, outcome: 'failed', advisory: true, error: { code: 'not_in_trust_list' } });
      expect(result.warnings).toEqual([expect.objectContaining({ code: 'issuer_not_accredited' })]);
      for (const id of ['format', 'signature', 'issuer_resolved', 'not_expired']) expect(check(result, id).outcome, id).toBe('passed');
    });

    it('such a credential still fails on its validity period', async () => {
      const res = await verifyCredential(await selfIssued(newHolder(), { validUntil: '2026-01-01T00:00:00Z' }));
      expect(res.status).toBe(422);
      expect(res.body.problemDetails).toEqual([expect.objectContaining({ check: 'not_expired', code: 'expired' })]);
    });

    it('a VolunteerActivityCredential from an unlisted issuer is not verified', async () => {
      const forger = newHolder();
      const res = await verifyCredential(
        await selfIssued(forger, { type: ['VerifiableCredential', 'VolunteerActivityCredential'], credentialSubject: { id: volunteer.did, activity: activity() } }),
      );
      expect(res.status).toBe(422);
      expect(res.body.problemDetails).toEqual([expect.objectContaining({ check: 'issuer_accredited', code: 'not_in_trust_list' })]);
      expect(res.body.totals.hours).toBe(0);
    });

    it('in a presentation, a volunteer credential from an unlisted issuer fails it while an advisory one does not', async () => {
      const forged = await selfIssued(newHolder(), { type: ['VerifiableCredential', 'VolunteerActivityCredential'], credentialSubject: { id: volunteer.did, activity: activity() } });
      const other = await selfIssued(newHolder(), {});
      const vp = await presentation(volunteer, [other, forged]);
      const res = await postJson(`${verifier.url}/presentations/verify`, { verifiablePresentation: vp });
      expect(res.status).toBe(422);
      expect(res.body.problemDetails).toEqual([expect.objectContaining({ check: 'issuer_accredited', code: 'not_in_trust_list' })]);
      expect(check(res.body, 'issuer_accredited').advisory).toBeUndefined();
      const alone = await postJson(`${verifier.url}/presentations/verify`, { verifiablePresentation: await presentation(volunteer, [other]) });
      expect(alone.status).toBe(200);
    });
  });

  describe('envelopes', () => {
    const envelopeOf = (jwt: string, context: unknown) => ({ ...(context === undefined ? {} : { '@context': context }), type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${jwt}` });

    it('refuses an envelope without its @context, or with an empty one (400)', async () => {
      const jwt = jwtOfEnvelope((await issue(volunteerV2())).body.verifiableCredential);
      for (const context of [undefined, [], ['https://example.com/other'], V1]) {
        const res = await verifyCredential(envelopeOf(jwt, context));
        expect(res.status, JSON.stringify(context)).toBe(400);
        expect(res.body).toMatchObject({ code: 'invalid_request', field: 'verifiableCredential' });
      }
      expect((await verifyCredential(envelopeOf(jwt, [V2]))).status).toBe(200);
    });

    it('refuses a VC 1.1 JWT inside data:application/vc+jwt (400), and a 1.1 credential as a vc+jwt payload fails its format', async () => {
      const v11 = await issue({ '@context': [V1], type: ['VerifiableCredential'], issuer: org.did, credentialSubject: { id: volunteer.did, note: 'x' } });
      const res = await verifyCredential(envelopeOf(v11.body.verifiableCredential.proof.jwt, V2));
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(/not a VC 1\.1 "vc" claim/);
      const issuer = newHolder();
      const payload11 = await signJwt({ '@context': [V1], type: ['VerifiableCredential'], issuer: issuer.did, issuanceDate: '2026-01-01T00:00:00Z', credentialSubject: { id: volunteer.did } }, { key: issuer.key, kid: issuer.kid, typ: 'vc+jwt' });
      const read = await verifyCredential(envelopeOf(payload11, V2));
      expect(read.status).toBe(422);
      expect(read.body.problemDetails).toEqual([expect.objectContaining({ check: 'format', code: 'malformed_credential' })]);
    });

    it('a presentation carrying an envelope without @context fails its format', async () => {
      const jwt = jwtOfEnvelope((await issue(volunteerV2())).body.verifiableCredential);
      const now = Math.floor(Date.now() / 1000);
      const vp = await signJwt(
        { '@context': [V2], type: ['VerifiablePresentation'], holder: volunteer.did, verifiableCredential: [envelopeOf(jwt, undefined)], iat: now, exp: now + 300 },
        { key: volunteer.key, kid: volunteer.kid, typ: 'vp+jwt' },
      );
      const res = await postJson(`${verifier.url}/presentations/verify`, { verifiablePresentation: vp });
      expect(res.status).toBe(422);
      expect(check(res.body, 'format').error?.detail).toMatch(/@context/);
    });
  });
});

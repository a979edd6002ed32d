import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../../shared/jwt/index.ts';
import { holder, IssuerFixture, presentation, presentationV2, signer } from '../../helpers/issuer-fixture.ts';
import { startService, type StartedService } from '../../helpers/services.ts';
import { check, expectAllValid, expectOnlyRed, postJson, type Result } from '../helpers.ts';

// The verifier against a stand-in issuer made in the test: each failure turns exactly its own check red.
describe('POST /v1/verify against a test-made issuer', () => {
  let fixture: IssuerFixture;
  let verifier: StartedService;
  const volunteer = holder();
  const verify = async (body: unknown): Promise<Result> => {
    const res = await postJson(`${verifier.url}/v1/verify`, body);
    expect(res.status).toBe(200);
    return res.body as Result;
  };

  beforeAll(async () => {
    fixture = await IssuerFixture.start();
    fixture.addOrganization('eco-qyran');
    fixture.addOrganization('unlisted', { listed: false });
    const suspendedAt = new Date(Date.now() - 24 * 3600_000).toISOString();
    fixture.addOrganization('paused', { status: 'suspended', accreditations: [{ from: '2020-01-01T00:00:00Z', until: suspendedAt }] });
    verifier = await startService('verifier', {
      env: { REGISTRY_DID: fixture.registry.did, TRUST_LIST_URL: fixture.trustListUrl, VERIFIER_CACHE_SECONDS: '0' },
    });
  });
  afterAll(async () => {
    await verifier?.stop();
    await fixture?.stop();
  });

  it('verifies a credential on its own: every credential check passes, presentation checks do not apply', async () => {
    const jwt = await fixture.issue('eco-qyran', { holderDid: volunteer.did, holderName: 'Dana Example' });
    const result = await verify({ jwt });
    expectAllValid(result);
    expect(result.kind).toBe('credential');
    expect(check(result, 'holder_binding').outcome).toBe('not_applicable');
    expect(check(result, 'challenge').outcome).toBe('not_applicable');
    expect(result.checks.map((c) => c.id)).toEqual([
      'format', 'signature', 'issuer_resolved', 'issuer_accredited', 'not_revoked', 'not_expired', 'schema', 'holder_binding', 'challenge', 'policy', 'identity',
    ]);
    expect(result.credentials[0]!.issuer.name?.kk).toBe('eco-qyran ұйымы');
    expect(result.totals).toEqual({ hours: 18.5, credentials: 1, byCategory: { ecology: 18.5 } });
  });

  it('verifies a presentation by the subject, with totals by category and the volunteer named', async () => {
    const a = await fixture.issue('eco-qyran', { holderDid: volunteer.did, holderName: 'Dana Example' });
    const b = await fixture.issue('eco-qyran', { holderDid: volunteer.did, holderName: 'Dana Example', activity: { category: 'education', hours: 4 } });
    const result = await verify({ jwt: await presentation(volunteer, [a, b]) });
    expectAllValid(result);
    expect(result.kind).toBe('presentation');
    // Handed over without a nonce of this verifier: signed by the subject, but anyone holding it could show it.
    expect(check(result, 'holder_binding')).toMatchObject({ valid: true, outcome: 'not_applicable', bearer: true });
    expect(check(result, 'challenge').outcome).toBe('not_applicable');
    expect(result.totals).toEqual({ hours: 22.5, credentials: 2, byCategory: { ecology: 18.5, education: 4 } });
    expect((result as unknown as { holder: { name: string } }).holder.name).toBe('Dana Example');
    expect(result.warnings).toEqual([]);
  });

  it('a presentation whose credentials name different subjects: another DID fails holder_binding, another name is warned of', async () => {
    const dana = await fixture.issue('eco-qyran', { holderDid: volunteer.did, holderName: 'Dana Example' });
    const someoneElse = await fixture.issue('eco-qyran', { holderDid: holder().did, holderName: 'Dana Example' });
    expectOnlyRed(await verify({ jwt: await presentation(volunteer, [dana, someoneElse]) }), 'holder_binding', 'holder_not_subject');
    const renamed = await fixture.issue('eco-qyran', { holderDid: volunteer.did, holderName: 'Aruzhan Example' });
    const result = await verify({ jwt: await presentation(volunteer, [dana, renamed]) });
    expect(result.verified).toBe(true);
    expect(result.warnings).toEqual([{ code: 'subject_names_differ', detail: expect.stringContaining('Dana Example; Aruzhan Example') }]);
    const respelled = await fixture.issue('eco-qyran', { holderDid: volunteer.did, holderName: ' dana  example' });
    expect((await verify({ jwt: await presentation(volunteer, [dana, respelled]) })).warnings).toEqual([]);
  });

  it('a tampered payload turns only the signature red', async () => {
    const jwt = await fixture.issue('eco-qyran', { holderDid: volunteer.did });
    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.vc.credentialSubject.activity.hours = 24;
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    expectOnlyRed(await verify({ jwt: tampered }), 'signature', 'bad_signature');
    const inPresentation = await verify({ jwt: await presentation(volunteer, [tampered]) });
    expectOnlyRed(inPresentation, 'signature', 'bad_signature');
    expect(inPresentation.totals.hours).toBe(0);
  });

  it("a signature by another key under the organization's kid turns only the signature red", async () => {
    const intruder = signer(fixture.organizations.get('eco-qyran')!.did, 'key-1');
    const jwt = await fixture.issue('eco-qyran', { holderDid: volunteer.did, signer: intruder });
    expectOnlyRed(await verify({ jwt }), 'signature', 'bad_signature');
  });

  it('an organization missing from the trust list turns only issuer_accredited red', async () => {
    const jwt = await fixture.issue('unlisted', { holderDid: volunteer.did });
    expectOnlyRed(await verify({ jwt }), 'issuer_accredited', 'not_in_trust_list');
  });

  it('a credential issued after the suspension fails accreditation; one issued before passes with a warning', async () => {
    const after = await fixture.issue('paused', { holderDid: volunteer.did, issuedAt: new Date(Date.now() - 3600_000) });
    expectOnlyRed(await verify({ jwt: after }), 'issuer_accredited', 'not_accredited_at_issuance');
    const before = await fixture.issue('paused', { holderDid: volunteer.did, issuedAt: new Date(Date.now() - 48 * 3600_000) });
    const result = await verify({ jwt: before });
    expectAllValid(result);
    expect(result.warnings.map((w) => w.code)).toEqual(['organization_suspended']);
  });

  it('a revoked credential turns only not_revoked red', async () => {
    const jwt = await fixture.issue('eco-qyran', { holderDid: volunteer.did, statusIndex: 4242 });
    expectAllValid(await verify({ jwt }));
    fixture.organizations.get('eco-qyran')!.statusList.set(4242, true);
    expectOnlyRed(await verify({ jwt }), 'not_revoked', 'revoked');
  });

  it('an expired credential turns only not_expired red; the stated skew tolerates a minute', async () => {
    const expired = await fixture.issue('eco-qyran', { holderDid: volunteer.did, expiresAt: new Date(Date.now() - 5 * 60_000) });
    expectOnlyRed(await verify({ jwt: expired }), 'not_expired', 'expired');
    const justNow = await fixture.issue('eco-qyran', { holderDid: volunteer.did, expiresAt: new Date(Date.now() - 20_000) });
    expectAllValid(await verify({ jwt: justNow }));
  });

  it('a presentation by someone who is not the subject turns only holder_binding red', async () => {
    const jwt = await fixture.issue('eco-qyran', { holderDid: volunteer.did });
    const stranger = holder();
    const result = await verify({ jwt: await presentation(stranger, [jwt]) });
    expectOnlyRed(result, 'holder_binding', 'holder_not_subject');
    expect(result.totals.credentials).toBe(0);
  });

  it('an unreachable status list fails closed and says it could not be checked', async () => {
    const jwt = await fixture.issue('eco-qyran', { holderDid: volunteer.did });
    fixture.down.add('/status/eco-qyran/1');
    try {
      const result = await verify({ jwt });
      expectOnlyRed(result, 'not_revoked', 'status_list_unavailable', 'unavailable');
      expect(check(result, 'not_revoked').error!.detail).toMatch(/^Could not be checked/);
    } finally {
      fixture.down.delete('/status/eco-qyran/1');
    }
  });

  it('verifies VC Data Model 2.0: a vc+jwt alone and enveloped in a vp+jwt', async () => {
    const jwt = await fixture.issueV2('eco-qyran', { holderDid: volunteer.did, holderName: 'Dana Example' });
    const alone = await verify({ jwt });
    expectAllValid(alone);
    expect(alone.kind).toBe('credential');
    const result = await verify({ jwt: await presentationV2(volunteer, [jwt]) });
    expectAllValid(result);
    expect(result.kind).toBe('presentation');
    expect(result.totals.hours).toBe(18.5);
  });

  it('verifies the presentation behind a share link, and says when the link is gone', async () => {
    const jwt = await fixture.issue('eco-qyran', { holderDid: volunteer.did });
    fixture.shares.set('tok1', await presentation(volunteer, [jwt]));
    fixture.shares.set('tok2', 'gone');
    const result = await verify({ url: `${fixture.url}/p/tok1` });
    expectAllValid(result);
    expect(check(result, 'challenge').outcome).toBe('not_applicable');
    const gone = await postJson(`${verifier.url}/v1/verify`, { url: `${fixture.url}/p/tok2` });
    expect(gone.status).toBe(422);
    expect(gone.body.code).toBe('unprocessable');
    expect(fixture.requests.filter((r) => r.startsWith('/p/tok1'))).toHaveLength(1);
  });

  it('answers 400 for input that is no credential or presentation at all', async () => {
    const notJwt = await postJson(`${verifier.url}/v1/verify`, { jwt: 'hello' });
    expect(notJwt.status).toBe(400);
    expect(notJwt.body.code).toBe('invalid_request');
    expect(notJwt.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const other = await signJwt({ iss: volunteer.did, hello: 'world' }, { key: volunteer.key, kid: volunteer.kid });
    const notVc = await postJson(`${verifier.url}/v1/verify`, { jwt: other });
    expect(notVc.status).toBe(400);
    const neither = await postJson(`${verifier.url}/v1/verify`, { something: 1 });
    expect(neither.status).toBe(400);
    expect(neither.body.field).toBe('jwt');
  });

  it('W3C VC API: 200 when verified, 422 with problemDetails when not, enveloped and proof.jwt forms taken', async () => {
    const jwt = await fixture.issue('eco-qyran', { holderDid: volunteer.did });
    const ok = await postJson(`${verifier.url}/credentials/verify`, { verifiableCredential: jwt });
    expect(ok.status).toBe(200);
    expect(ok.body.verified).toBe(true);
    const asObject = await postJson(`${verifier.url}/credentials/verify`, { verifiableCredential: { proof: { type: 'JwtProof2020', jwt } } });
    expect(asObject.status).toBe(200);
    const v2 = await fixture.issueV2('eco-qyran', { holderDid: volunteer.did });
    const enveloped = await postJson(`${verifier.url}/credentials/verify`, {
      verifiableCredential: { '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${v2}` },
    });
    expect(enveloped.status).toBe(200);
    const unknown = await fixture.issue('unlisted', { holderDid: volunteer.did });
    const bad = await postJson(`${verifier.url}/credentials/verify`, { verifiableCredential: unknown });
    expect(bad.status).toBe(422);
    expect(bad.body.verified).toBe(false);
    expect(bad.body.problemDetails).toEqual([expect.objectContaining({ code: 'not_in_trust_list', check: 'issuer_accredited' })]);
    const garbage = await postJson(`${verifier.url}/credentials/verify`, { verifiableCredential: 42 });
    expect(garbage.status).toBe(400);
    expect(garbage.body.field).toBe('verifiableCredential');
  });

  it('W3C VC API: presentations against challenge and domain', async () => {
    const jwt = await fixture.issue('eco-qyran', { holderDid: volunteer.did });
    const vp = await presentation(volunteer, [jwt], { nonce: 'n-123', aud: 'https://employer.example' });
    const ok = await postJson(`${verifier.url}/presentations/verify`, { verifiablePresentation: vp, options: { challenge: 'n-123', domain: 'https://employer.example' } });
    expect(ok.status).toBe(200);
    expect(check(ok.body, 'challenge').outcome).toBe('passed');
    const wrong = await postJson(`${verifier.url}/presentations/verify`, { verifiablePresentation: vp, options: { challenge: 'other' } });
    expect(wrong.status).toBe(422);
    expectOnlyRed(wrong.body, 'challenge', 'nonce_mismatch');
    const otherDomain = await postJson(`${verifier.url}/presentations/verify`, { verifiablePresentation: vp, options: { challenge: 'n-123', domain: 'https://elsewhere.example' } });
    expectOnlyRed(otherDomain.body, 'challenge', 'audience_mismatch');
    const v2 = await presentationV2(volunteer, [await fixture.issueV2('eco-qyran', { holderDid: volunteer.did })]);
    const enveloped = await postJson(`${verifier.url}/presentations/verify`, {
      verifiablePresentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: 'EnvelopedVerifiablePresentation', id: `data:application/vp+jwt,${v2}` },
    });
    expect(enveloped.status).toBe(200);
  });
});

describe('did:web that points at loopback or metadata addresses', () => {
  let verifier: StartedService;
  let counting: Server;
  let hits = 0;
  let port = 0;
  const volunteer = holder();

  beforeAll(async () => {
    counting = createServer((_req, res) => {
      hits += 1;
      res.writeHead(404).end();
    });
    await new Promise<void>((done) => counting.listen(0, '127.0.0.1', () => done()));
    port = (counting.address() as { port: number }).port;
    verifier = await startService('verifier', { env: { DID_WEB_HTTP_HOSTS: '', VERIFIER_CACHE_SECONDS: '0', TRUST_LIST_URL: `http://127.0.0.1:${port}/v1/trust-list` } });
  });
  afterAll(async () => {
    await verifier?.stop();
    counting?.closeAllConnections();
    await new Promise<void>((done) => counting.close(() => done()));
  });

  for (const host of ['169.254.169.254', '127.0.0.1%3APORT']) {
    it(`refuses did:web:${host} without fetching anything`, async () => {
      const did = `did:web:${host.replace('PORT', String(port))}`;
      const forger = signer(did, 'key-1');
      const jwt = await signJwt(
        {
          iss: did,
          sub: volunteer.did,
          nbf: Math.floor(Date.now() / 1000),
          jti: 'urn:uuid:0b1f0c7e-1d6a-4c55-9d0a-2f7c1c1e0001',
          vc: {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiableCredential', 'VolunteerActivityCredential'],
            credentialSubject: { activity: { name: { en: 'x' }, category: 'ecology', region: 'KZ-55', activityStartDate: '2026-01-01', activityEndDate: '2026-01-01', hours: 1 } },
            credentialStatus: { id: `http://127.0.0.1:${port}/status/1#1`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '1', statusListCredential: `http://127.0.0.1:${port}/status/1` },
          },
        },
        { key: forger.key, kid: forger.kid },
      );
      const res = await postJson(`${verifier.url}/v1/verify`, { jwt });
      expect(res.status).toBe(200);
      const result = res.body as Result;
      expect(result.verified).toBe(false);
      expect(check(result, 'issuer_resolved').error?.code).toBe('did_refused');
      expect(check(result, 'signature').valid).toBe(false);
      expect(check(result, 'not_revoked').error?.code).toBe('status_list_unavailable');
      expect(check(result, 'issuer_accredited').error?.code).toBe('trust_list_unavailable');
      expect(check(result, 'schema').valid).toBe(true);
      expect(check(result, 'not_expired').valid).toBe(true);
      expect(hits).toBe(0);
    });
  }
});

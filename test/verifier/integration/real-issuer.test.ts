import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox, ed25519PrivateKeyObject, ed25519PublicFromSeed, generateEd25519 } from '../../../shared/crypto/index.ts';
import { openServiceDatabase } from '../../helpers/database.ts';
import { didKeyFromPublicKey } from '../../../shared/did/index.ts';
import { decodeJwtParts, signJwt } from '../../../shared/jwt/index.ts';
import { presentation } from '../../helpers/issuer-fixture.ts';
import { startService, type StartedService } from '../../helpers/services.ts';
import { activity, ADMIN, claimByHand, newHolder, recordOne, startIssuer, type Holder, type IssuerUnderTest, type Organization } from '../../issuer/issuance/setup.ts';
import { check, expectAllValid, expectOnlyRed, postJson, type Result } from '../helpers.ts';

const SECRET = 'issuance-test-secret-0123456789abcdef';

// The verifier against the real issuer over HTTP: credentials claimed through OpenID4VCI by a
// holder made in the test, presentations signed by that holder. Each failure turns its own check red.
describe('verifier against a running issuer', () => {
  let t: IssuerUnderTest;
  let verifier: StartedService;
  let cachingVerifier: StartedService;
  let eco: Organization;
  let volunteer: Holder;

  const claim = async (org: Organization, who: Holder, overrides: Record<string, unknown> = {}): Promise<string> => {
    const { offerUri } = await recordOne(t, org, overrides);
    const res = await claimByHand(t, offerUri, who);
    expect(res.status).toBe(200);
    return res.body.credentials[0].credential as string;
  };
  const verifyWith = async (service: StartedService, jwt: string): Promise<Result> => {
    const res = await postJson(`${service.url}/v1/verify`, { jwt });
    expect(res.status).toBe(200);
    return res.body as Result;
  };
  const verify = (jwt: string) => verifyWith(verifier, jwt);

  beforeAll(async () => {
    t = await startIssuer();
    eco = await t.accredit('eco-qyran');
    volunteer = newHolder();
    const env = { ISSUER_URL: t.issuer.url };
    [verifier, cachingVerifier] = await Promise.all([
      startService('verifier', { env: { ...env, VERIFIER_CACHE_SECONDS: '0' } }),
      startService('verifier', { env: { ...env, VERIFIER_CACHE_SECONDS: '300' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([verifier?.stop(), cachingVerifier?.stop(), t?.issuer.stop()]);
  });

  it('verifies a presentation of claimed credentials, naming the organization from the trust list', async () => {
    const a = await claim(eco, volunteer);
    const b = await claim(eco, volunteer, { category: 'social', hours: 3.5 });
    const result = await verify(await presentation(volunteer, [a, b]));
    expectAllValid(result);
    expect(result.totals).toEqual({ hours: 22, credentials: 2, byCategory: { ecology: 18.5, social: 3.5 } });
    expect(result.credentials[0]!.issuer).toMatchObject({ did: eco.did, name: { kk: 'eco-qyran ұйымы', ru: 'Организация eco-qyran', en: 'Organization eco-qyran' } });
    expect(result.credentials[0]!.subject.name).toBe('Дана Әлиева');
    expect(result.credentials[0]!.activity).toMatchObject(activity());
  });

  it('a tampered payload turns only the signature red', async () => {
    const jwt = await claim(eco, volunteer);
    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.vc.credentialSubject.activity.hours = 240;
    payload.vc.credentialSubject.activity.activityEndDate = '2026-05-27';
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    expectOnlyRed(await verify(await presentation(volunteer, [tampered])), 'signature', 'bad_signature');
  });

  it("a signature by another key under the organization's kid turns only the signature red", async () => {
    const { header, payload } = decodeJwtParts(await claim(eco, volunteer));
    const keys = generateEd25519();
    const forged = await signJwt(payload, { key: ed25519PrivateKeyObject(keys.privateKey, keys.publicKey), kid: header.kid as string, typ: 'JWT' });
    expectOnlyRed(await verify(await presentation(volunteer, [forged])), 'signature', 'bad_signature');
  });

  it('an organization unknown to the registry turns only issuer_accredited red', async () => {
    const { payload } = decodeJwtParts(await claim(eco, volunteer));
    const keys = generateEd25519();
    const stranger = didKeyFromPublicKey(keys.publicKey);
    const own = await signJwt({ ...payload, iss: stranger }, { key: ed25519PrivateKeyObject(keys.privateKey, keys.publicKey), kid: `${stranger}#${stranger.slice(8)}`, typ: 'JWT' });
    // The status list still belongs to eco-qyran, so it rightly is not the stranger's to vouch for.
    const result = await verify(own);
    expect(check(result, 'issuer_accredited').error?.code).toBe('not_in_trust_list');
    expect(check(result, 'not_revoked').error?.code).toBe('status_list_invalid');
    for (const id of ['format', 'signature', 'issuer_resolved', 'not_expired', 'schema']) expect(check(result, id).valid, id).toBe(true);
  });

  it('a revoked credential turns only not_revoked red', async () => {
    const jwt = await claim(eco, volunteer);
    expectAllValid(await verify(await presentation(volunteer, [jwt])));
    const jti = decodeJwtParts(jwt).payload.jti as string;
    const revoke = await t.api('POST', `/v1/credentials/${encodeURIComponent(jti)}/revoke`, { token: eco.apiKey, body: { reason: 'recorded twice' } });
    expect(revoke.status).toBe(200);
    expectOnlyRed(await verify(await presentation(volunteer, [jwt])), 'not_revoked', 'revoked');
  });

  it('an expired credential (VC API issue with a past expirationDate) turns only not_expired red', async () => {
    const res = await t.api('POST', '/credentials/issue', {
      token: eco.apiKey,
      body: {
        credential: {
          '@context': ['https://www.w3.org/2018/credentials/v1', `${t.issuer.url}/contexts/volunteer/v1`],
          type: ['VerifiableCredential', 'VolunteerActivityCredential'],
          issuer: eco.did,
          expirationDate: '2026-01-01T00:00:00Z',
          credentialSubject: { id: volunteer.did, name: 'Дана Әлиева', activity: activity() },
        },
      },
    });
    expect(res.status).toBe(201);
    expectOnlyRed(await verify(await presentation(volunteer, [res.body.verifiableCredential.proof.jwt])), 'not_expired', 'expired');
  });

  it('a presentation by someone who is not the subject turns only holder_binding red', async () => {
    const jwt = await claim(eco, volunteer);
    expectOnlyRed(await verify(await presentation(newHolder(), [jwt])), 'holder_binding', 'holder_not_subject');
  });

  it('an organization suspended before issuance: earlier credentials pass with a warning, later ones fail accreditation', async () => {
    const paused = await t.accredit('paused-org');
    const earlier = await claim(paused, volunteer);
    const suspend = await t.api('POST', '/v1/organizations/paused-org/suspend', { token: ADMIN, body: { reason: 'reports overdue' } });
    expect(suspend.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    // The issuer rightly refuses to issue now, so the test forges what a leaked key could sign.
    const key = await organizationKey(paused.did);
    const { header, payload } = decodeJwtParts(earlier);
    const later = await signJwt({ ...payload, nbf: Math.floor(Date.now() / 1000), jti: 'urn:uuid:5f0c8d4e-8a7b-4c1e-9d2f-3a4b5c6d7e8f' }, { key, kid: header.kid as string, typ: 'JWT' });
    expectOnlyRed(await verify(await presentation(volunteer, [later])), 'issuer_accredited', 'not_accredited_at_issuance');
    const result = await verify(await presentation(volunteer, [earlier]));
    expectAllValid(result);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'organization_suspended' })]);
  });

  it('a replayed OpenID4VP answer turns only the challenge red', async () => {
    const jwt = await claim(eco, volunteer);
    const request = async () => {
      const created = (await postJson(`${verifier.url}/v1/requests`, { minHours: 10 })).body;
      const object = await (await fetch(new URL(created.requestUri).searchParams.get('request_uri')!)).text();
      return { id: created.id as string, readToken: created.readToken as string, claims: JSON.parse(Buffer.from(object.split('.')[1]!, 'base64url').toString()) };
    };
    const post = (claims: Record<string, string>, vp: string) =>
      fetch(claims.response_uri!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ state: claims.state!, vp_token: JSON.stringify({ volunteer_activity: [vp] }) }) });
    const first = await request();
    const vp = await presentation(volunteer, [jwt], { nonce: first.claims.nonce, aud: first.claims.client_id });
    expect((await post(first.claims, vp)).status).toBe(200);
    const read = async (r: { id: string; readToken: string }) => (await fetch(`${verifier.url}/v1/requests/${r.id}`, { headers: { authorization: `Bearer ${r.readToken}` } })).json();
    const answered = await read(first);
    expect(answered.status).toBe('verified');
    expectAllValid(answered.result);
    expect((await post(first.claims, vp)).status).toBe(409);
    const second = await request();
    expect((await post(second.claims, vp)).status).toBe(200);
    const replayed = await read(second);
    expect(replayed.status).toBe('failed');
    expectOnlyRed(replayed.result, 'challenge', 'nonce_mismatch');
  });

  it("a revocation reaches a verifier that caches for 5 minutes within the list's ttl (10 s by default)", async () => {
    const jwt = await claim(eco, volunteer);
    expectAllValid(await verifyWith(cachingVerifier, await presentation(volunteer, [jwt])));
    const jti = decodeJwtParts(jwt).payload.jti as string;
    expect((await t.api('POST', `/v1/credentials/${encodeURIComponent(jti)}/revoke`, { token: eco.apiKey, body: { reason: 'recorded twice' } })).status).toBe(200);
    const revokedAt = Date.now();
    let result: Result;
    do {
      await new Promise((r) => setTimeout(r, 500));
      result = await verifyWith(cachingVerifier, await presentation(volunteer, [jwt]));
    } while (check(result, 'not_revoked').valid && Date.now() - revokedAt < 20_000);
    expectOnlyRed(result, 'not_revoked', 'revoked');
  });

  // Last: it stops the issuer.
  it('when the issuer is down, checks fail closed as could-not-check; a cached verifier keeps working', async () => {
    const jwt = await presentation(volunteer, [await claim(eco, volunteer)]);
    expectAllValid(await verifyWith(cachingVerifier, jwt));
    await t.issuer.stop();
    const stillCached = await verifyWith(cachingVerifier, jwt);
    expectAllValid(stillCached);
    const result = await verify(jwt);
    expect(result.verified).toBe(false);
    for (const id of ['not_revoked', 'issuer_accredited', 'issuer_resolved', 'signature']) {
      expect(check(result, id).outcome, id).toBe('unavailable');
      expect(check(result, id).error!.detail, id).toMatch(/^Could not be checked/);
    }
    expect(check(result, 'not_revoked').error!.code).toBe('status_list_unavailable');
    for (const id of ['format', 'not_expired', 'schema', 'holder_binding']) expect(check(result, id).valid, id).toBe(true);
  });

  /** The organization's private key, opened from the issuer's database with PASSPORT_SECRET. */
  async function organizationKey(did: string) {
    const doc = await (await fetch(`${t.issuer.url}/orgs/${did.split(':').pop()}/did.json`)).json();
    const x = Buffer.from(doc.verificationMethod[0].publicKeyJwk.x, 'base64url');
    const db = await openServiceDatabase(t.issuer);
    try {
      const box = createSecretBox(SECRET, 'agent-keys');
      for (const row of await db.all<{ sealed: string }>('SELECT sealed FROM agent_private_keys')) {
        const seed = box.open(row.sealed).subarray(0, 32);
        if (Buffer.from(ed25519PublicFromSeed(seed)).equals(x)) return ed25519PrivateKeyObject(seed, x);
      }
    } finally {
      await db.close();
    }
    throw new Error(`no private key of ${did} in the issuer's database`);
  }
});

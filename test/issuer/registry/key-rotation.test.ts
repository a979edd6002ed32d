import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwtParts } from '../../../shared/jwt/index.ts';
import { presentation } from '../../helpers/issuer-fixture.ts';
import { startService, type StartedService } from '../../helpers/services.ts';
import { ADMIN, claimByHand, newHolder, recordOne, startIssuer, type Holder, type IssuerUnderTest, type Organization } from '../issuance/setup.ts';
import { expectAllValid, postJson, type Result } from '../../verifier/helpers.ts';

/**
 * Rotating an organization's key over HTTP: the DID document gains key-2, what is issued from
 * then on is signed with it (credentials and status lists), and what key-1 signed still verifies,
 * at a verifier that fetches everything fresh and at one that had key-1's document cached.
 */
describe('organization key rotation', () => {
  let t: IssuerUnderTest;
  let eco: Organization;
  let other: Organization;
  let fresh: StartedService;
  let caching: StartedService;
  const volunteer: Holder = newHolder();

  beforeAll(async () => {
    t = await startIssuer();
    [eco, other] = [await t.accredit('eco-qyran'), await t.accredit('jas-agash')];
    const env = { ISSUER_URL: t.issuer.url };
    [fresh, caching] = await Promise.all([
      startService('verifier', { env: { ...env, VERIFIER_CACHE_SECONDS: '0' } }),
      startService('verifier', { env: { ...env, VERIFIER_CACHE_SECONDS: '300' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([fresh?.stop(), caching?.stop(), t?.issuer.stop()]);
  });

  const claim = async (org: Organization): Promise<string> => {
    const res = await claimByHand(t, (await recordOne(t, org)).offerUri, volunteer);
    expect(res.status, res.text).toBe(200);
    return res.body.credentials[0].credential as string;
  };
  const verifyAt = async (verifier: StartedService, jwt: string): Promise<Result> => {
    const res = await postJson(`${verifier.url}/v1/verify`, { jwt: await presentation(volunteer, [jwt]) });
    expect(res.status).toBe(200);
    return res.body as Result;
  };
  const kidOf = (jwt: string) => decodeJwtParts(jwt).header.kid;
  const document = async () => (await t.api('GET', '/orgs/eco-qyran/did.json')).body;

  it('adds key-2 to the DID document; new credentials and status lists are signed with it; old ones still verify', async () => {
    const old = await claim(eco);
    expect(kidOf(old)).toBe(`${eco.did}#key-1`);
    expectAllValid(await verifyAt(caching, old));

    const rotated = await t.api('POST', '/v1/organizations/eco-qyran/keys/rotate', { token: eco.apiKey });
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.body).toMatchObject({ did: eco.did, keyId: `${eco.did}#key-2` });
    expect(rotated.body.keys.map((k: { id: string }) => k.id)).toEqual([`${eco.did}#key-1`, `${eco.did}#key-2`]);

    const doc = await document();
    expect(doc.verificationMethod.map((vm: { id: string }) => vm.id)).toEqual([`${eco.did}#key-1`, `${eco.did}#key-2`]);
    expect(doc.assertionMethod).toEqual([`${eco.did}#key-1`, `${eco.did}#key-2`]);
    expect(doc.verificationMethod[0].publicKeyJwk.x).not.toBe(doc.verificationMethod[1].publicKeyJwk.x);

    const next = await claim(eco);
    expect(kidOf(next)).toBe(`${eco.did}#key-2`);
    const statusUrl = (decodeJwtParts(old).payload as { vc: { credentialStatus: { statusListCredential: string } } }).vc.credentialStatus.statusListCredential;
    const list = await t.api('GET', new URL(statusUrl).pathname);
    expect(kidOf(list.text)).toBe(`${eco.did}#key-2`);

    for (const jwt of [old, next]) expectAllValid(await verifyAt(fresh, jwt));
    // This verifier cached the document of key-1 alone: a kid it does not know makes it look again.
    expectAllValid(await verifyAt(caching, next));
    // Other organizations keep their one key.
    expect(kidOf(await claim(other))).toBe(`${other.did}#key-1`);
  });

  it('the registry may rotate too, and then key-3 signs', async () => {
    const res = await t.api('POST', '/v1/organizations/eco-qyran/keys/rotate', { token: ADMIN });
    expect(res.status).toBe(200);
    expect(res.body.keyId).toBe(`${eco.did}#key-3`);
    expect(kidOf(await claim(eco))).toBe(`${eco.did}#key-3`);
  });

  it('only the organization itself or the registry may rotate its key', async () => {
    const byOther = await t.api('POST', '/v1/organizations/eco-qyran/keys/rotate', { token: other.apiKey });
    expect(byOther.status).toBe(403);
    expect(byOther.body.code).toBe('forbidden');
    expect((await t.api('POST', '/v1/organizations/eco-qyran/keys/rotate')).status).toBe(401);
    const missing = await t.api('POST', '/v1/organizations/no-such-org/keys/rotate', { token: ADMIN });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
    expect((await document()).verificationMethod).toHaveLength(3);
  });

  it('documents the key routes in openapi.json', async () => {
    const doc = (await t.api('GET', '/openapi.json')).body;
    expect(doc.paths['/v1/organizations/{id}/keys/rotate'].post.responses['200']).toBeDefined();
    expect(doc.paths['/v1/organizations/{id}/keys/{keyId}/revoke'].post.requestBody).toBeDefined();
  });
});

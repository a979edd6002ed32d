import { randomUUID, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox, ed25519PrivateKeyObject, ed25519PublicFromSeed } from '../../shared/crypto/index.ts';
import { openServiceDatabase } from '../helpers/database.ts';
import { createDidResolver } from '../../shared/did/index.ts';
import { createGuardedFetch } from '../../shared/net/index.ts';
import { decodeJwtParts, signJwt, verifyDidJwt } from '../../shared/jwt/index.ts';
import { call, type CallOptions } from '../helpers/http.ts';
import { presentation } from '../helpers/issuer-fixture.ts';
import { startService, type StartedService } from '../helpers/services.ts';
import { claimByHand, newHolder, recordOne, type Holder, type IssuerUnderTest, type Organization } from '../issuer/issuance/setup.ts';
import { check, expectAllValid, expectOnlyRed, postJson, type Result } from '../verifier/helpers.ts';

const ADMIN = 'key-compromise-admin-token';
const SECRET = 'key-compromise-passport-secret-0123456789';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An organization's signing key leaks. The organization rotates and reports key-1 compromised
 * from the moment of the leak: what key-1 signed from then on (by the issuer before the rotation,
 * or forged by whoever holds the stolen key) fails verification with `key_revoked`; what it
 * signed before still verifies; the verifier and the wallet judge alike, from the registry's
 * signed trust list.
 */
describe('a compromised organization key', () => {
  let issuer: StartedService;
  let wallet: StartedService;
  let verifier: StartedService;
  let t: IssuerUnderTest;
  let org: Organization;
  const holder: Holder = newHolder();
  let before = '';
  let after = '';
  let from = '';
  let walletToken = '';
  let walletCredential = '';

  const api = (method: string, path: string, options?: CallOptions) => call(issuer.url, method, path, options);
  const claim = async (): Promise<string> => {
    const res = await claimByHand(t, (await recordOne(t, org)).offerUri, holder);
    expect(res.status, res.text).toBe(200);
    return res.body.credentials[0].credential as string;
  };
  const verify = async (jwt: string): Promise<Result> => {
    const res = await postJson(`${verifier.url}/v1/verify`, { jwt: await presentation(holder, [jwt]) });
    expect(res.status).toBe(200);
    return res.body as Result;
  };

  beforeAll(async () => {
    issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: ADMIN, PASSPORT_SECRET: SECRET } });
    const env = { ISSUER_URL: issuer.url };
    [wallet, verifier] = await Promise.all([
      startService('wallet', { env: { ...env, WALLET_CACHE_SECONDS: '0' } }),
      startService('verifier', { env: { ...env, VERIFIER_CACHE_SECONDS: '0' } }),
    ]);
    t = { issuer, api, accredit: async () => { throw new Error('not used'); } };
    const res = await api('POST', '/v1/organizations', { token: ADMIN, body: { id: 'leaky', name: { en: 'Leaky' }, region: 'KZ-55' } });
    expect(res.status).toBe(201);
    org = { id: 'leaky', did: res.body.did, apiKey: res.body.apiKey, apiKeyId: res.body.apiKeyId };

    // Issued before the leak, then the leak (JWT times are whole seconds, so a second apart).
    before = await claim();
    await sleep(1100);
    from = new Date().toISOString();
    await sleep(1100);
    // Issued by the real issuer after the leak, still with key-1: one claimed by hand, one by a wallet.
    after = await claim();
    const login = { login: 'dana', password: 'a long passphrase 1' };
    expect((await call(wallet.url, 'POST', '/v1/accounts', { body: login })).status).toBe(201);
    walletToken = (await call(wallet.url, 'POST', '/v1/sessions', { body: login })).body.token;
    const claimed = await call(wallet.url, 'POST', '/v1/credentials/claim', { token: walletToken, body: { offerUri: (await recordOne(t, org)).offerUri } });
    expect(claimed.status, claimed.text).toBe(201);
    walletCredential = claimed.body.id;
  }, 180_000);
  afterAll(async () => {
    await Promise.all([wallet?.stop(), verifier?.stop(), issuer?.stop()]);
  });

  /** What the thief has: key-1's private key, opened from the issuer's database with PASSPORT_SECRET. */
  async function stolenKey(): Promise<KeyObject> {
    const doc = (await api('GET', '/orgs/leaky/did.json')).body;
    const x = Buffer.from(doc.verificationMethod.find((vm: { id: string }) => vm.id === `${org.did}#key-1`).publicKeyJwk.x, 'base64url');
    const db = await openServiceDatabase(issuer);
    try {
      const box = createSecretBox(SECRET, 'agent-keys');
      for (const row of await db.all<{ sealed: string }>('SELECT sealed FROM agent_private_keys')) {
        const seed = box.open(row.sealed).subarray(0, 32);
        if (Buffer.from(ed25519PublicFromSeed(seed)).equals(x)) return ed25519PrivateKeyObject(seed, x);
      }
    } finally {
      await db.close();
    }
    throw new Error('key-1 is not in the database');
  }

  /** A credential the thief signs now with key-1: a copy of a real one with a fresh id and times. */
  async function forged(): Promise<string> {
    const { header, payload } = decodeJwtParts(before);
    const now = Math.floor(Date.now() / 1000);
    return signJwt({ ...payload, jti: `urn:uuid:${randomUUID()}`, nbf: now, iat: now }, { key: await stolenKey(), kid: header.kid as string, typ: 'JWT' });
  }

  it('before it is reported, what the thief signs with key-1 verifies: the threat is real', async () => {
    expectAllValid(await verify(await forged()));
    expectAllValid(await verify(after));
  });

  it('the key that signs now cannot be revoked before a rotation, nor from a future date', async () => {
    const current = await api('POST', '/v1/organizations/leaky/keys/key-1/revoke', { token: org.apiKey, body: { from, reason: 'leaked' } });
    expect(current.status).toBe(409);
    expect(current.body).toMatchObject({ code: 'conflict' });
    expect(current.body.detail).toMatch(/rotate first/);
    const rotated = await api('POST', '/v1/organizations/leaky/keys/rotate', { token: org.apiKey });
    expect(rotated.body.keyId).toBe(`${org.did}#key-2`);
    const future = await api('POST', '/v1/organizations/leaky/keys/key-1/revoke', { token: org.apiKey, body: { from: '2999-01-01T00:00:00Z', reason: 'leaked' } });
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ code: 'invalid_request', field: 'from' });
    const malformed = await api('POST', '/v1/organizations/leaky/keys/key-1/revoke', { token: org.apiKey, body: { from: 'yesterday', reason: 'leaked' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.field).toBe('from');
    expect((await api('POST', '/v1/organizations/leaky/keys/key-9/revoke', { token: org.apiKey, body: { reason: 'leaked' } })).status).toBe(404);
  });

  it('reported from the leak on, key-1 is published in the signed trust list, and what it signed since fails with key_revoked', async () => {
    const revoked = await api('POST', `/v1/organizations/leaky/keys/${encodeURIComponent(`${org.did}#key-1`)}/revoke`, { token: org.apiKey, body: { from, reason: 'laptop stolen' } });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body).toMatchObject({ keyId: `${org.did}#key-1`, revokedFrom: from, reason: 'laptop stolen' });

    const list = await api('GET', '/v1/trust-list');
    const registryDid = decodeJwtParts(list.text).payload.iss as string;
    const fetch = createGuardedFetch({ httpHosts: ['localhost'] });
    const signed = await verifyDidJwt(list.text, { dids: createDidResolver({ fetch, httpHosts: ['localhost'], cacheTtlMs: 0 }), relationship: 'assertionMethod', expectedDid: registryDid });
    const entry = (signed.payload.organizations as { id: string; revokedKeys?: unknown }[]).find((o) => o.id === 'leaky');
    expect(entry?.revokedKeys).toEqual([{ kid: `${org.did}#key-1`, from }]);

    const stolen = await verify(await forged());
    expectOnlyRed(stolen, 'signature', 'key_revoked');
    expect(check(stolen, 'signature').error!.detail).toContain(`${org.did}#key-1`);
    expectOnlyRed(await verify(after), 'signature', 'key_revoked');
    // Signed before the leak: still good. Signed by key-2: good.
    expectAllValid(await verify(before));
    const fresh = await claim();
    expect(decodeJwtParts(fresh).header.kid).toBe(`${org.did}#key-2`);
    expectAllValid(await verify(fresh));
  });

  it('the wallet shows the credential key-1 signed after the leak as invalid, with the reason', async () => {
    const list = await call(wallet.url, 'GET', '/v1/credentials', { token: walletToken });
    expect(list.status).toBe(200);
    const shown = list.body.credentials.find((c: { id: string }) => c.id === walletCredential);
    expect(shown.status).toBe('invalid');
    expect(shown.statusReasons.join(' ')).toMatch(/reported compromised/);
  });

  it('the status lists are signed with the new key', async () => {
    const url = (decodeJwtParts(before).payload as { vc: { credentialStatus: { statusListCredential: string } } }).vc.credentialStatus.statusListCredential;
    const list = await api('GET', new URL(url).pathname);
    expect(decodeJwtParts(list.text).header.kid).toBe(`${org.did}#key-2`);
  });

  it('a second report with a later date changes nothing; one with an earlier date widens it', async () => {
    const later = await api('POST', '/v1/organizations/leaky/keys/key-1/revoke', { token: ADMIN, body: { from: new Date().toISOString(), reason: 'again' } });
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ revokedFrom: from, reason: 'laptop stolen' });
    const earlier = new Date(Date.parse(from) - 60 * 60_000).toISOString();
    const widened = await api('POST', '/v1/organizations/leaky/keys/key-1/revoke', { token: ADMIN, body: { from: earlier, reason: 'leak began earlier' } });
    expect(widened.body).toMatchObject({ revokedFrom: earlier });
    expectOnlyRed(await verify(before), 'signature', 'key_revoked');
  });
});

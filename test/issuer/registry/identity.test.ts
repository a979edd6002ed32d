import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPassportAgent } from '../../../shared/agent/index.ts';
import { didWebFromUrl } from '../../../shared/config.ts';
import { createSecretBox, hashToken } from '../../../shared/crypto/index.ts';
import { everythingStored, openServiceDatabase } from '../../helpers/database.ts';
import { createDidResolver, findVerificationKey } from '../../../shared/did/index.ts';
import { decodeJwtParts, verifyDidJwt } from '../../../shared/jwt/index.ts';
import { createGuardedFetch } from '../../../shared/net/index.ts';
import { TRUST_LIST_TYP, fetchTrustList, type TrustListPayload } from '../../../shared/trust/index.ts';
import { createWebIdentities } from '../../../issuer/registry/web-identities.ts';
import { startService, type StartedService } from '../../helpers/services.ts';
import { PAVLODAR_NAME, call } from './http.ts';

const ADMIN = 'registry-admin-token-identity';
const SECRET = 'identity-test-secret-0123456789abcdef';
let issuer: StartedService;
let registryDid: string;
const api = (method: string, path: string, options?: Parameters<typeof call>[3]) => call(issuer.url, method, path, options);
const keys: Record<string, string> = {};
let pavlodarKeyId = '';
const resolverFor = () => {
  const fetch = createGuardedFetch({ httpHosts: ['localhost'] });
  return { fetch, dids: createDidResolver({ fetch, httpHosts: ['localhost'], cacheTtlMs: 0 }) };
};

beforeAll(async () => {
  issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: ADMIN, PASSPORT_SECRET: SECRET } });
  registryDid = didWebFromUrl(issuer.url);
  const office = await api('POST', '/v1/front-offices', { token: ADMIN, body: { id: 'pavlodar', name: PAVLODAR_NAME, region: 'KZ-55' } });
  keys.pavlodar = office.body.apiKey;
  pavlodarKeyId = office.body.apiKeyId;
  for (const id of ['eco-qyran', 'jas-agash']) {
    const res = await api('POST', '/v1/organizations', { token: keys.pavlodar, body: { id, name: { kk: id, ru: id, en: id }, region: 'KZ-55' } });
    expect(res.status).toBe(201);
    keys[id] = res.body.apiKey;
  }
});
afterAll(() => issuer?.stop());

async function trustList(): Promise<{ jwt: string; payload: TrustListPayload; etag: string | null; res: Response }> {
  const res = await fetch(`${issuer.url}/v1/trust-list`);
  const jwt = await res.text();
  return { jwt, payload: decodeJwtParts(jwt).payload as unknown as TrustListPayload, etag: res.headers.get('etag'), res };
}

describe('DID documents', () => {
  it("serves the registry's did:web with an Ed25519 key for assertions", async () => {
    const res = await fetch(`${issuer.url}/.well-known/did.json`);
    expect(res.headers.get('content-type')).toMatch(/^application\/did\+json/);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
      id: registryDid,
      verificationMethod: [{ id: `${registryDid}#key-1`, type: 'JsonWebKey2020', controller: registryDid, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519' } }],
      assertionMethod: [`${registryDid}#key-1`],
      authentication: [`${registryDid}#key-1`],
    });
  });

  it("resolves the registry's and the organizations' DIDs through the shared resolver", async () => {
    const { dids } = resolverFor();
    for (const did of [registryDid, didWebFromUrl(issuer.url, 'orgs', 'eco-qyran'), didWebFromUrl(issuer.url, 'orgs', 'jas-agash')]) {
      const doc = await dids.resolveDocument(did);
      const key = findVerificationKey(doc, `${did}#key-1`, 'assertionMethod');
      expect(key.alg).toBe('EdDSA');
      expect(key.key.asymmetricKeyType).toBe('ed25519');
    }
    const a = (await dids.resolveDocument(didWebFromUrl(issuer.url, 'orgs', 'eco-qyran'))).verificationMethod![0]!.publicKeyJwk!.x;
    const b = (await dids.resolveDocument(didWebFromUrl(issuer.url, 'orgs', 'jas-agash'))).verificationMethod![0]!.publicKeyJwk!.x;
    expect(a).not.toBe(b);
  });

  it('answers 404 problem details for an unknown organization', async () => {
    const res = await api('GET', '/orgs/nobody/did.json');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('not_found');
  });
});

describe('the trust list', () => {
  it('is a trust-list+jwt signed by the registry DID, naming every organization and front office', async () => {
    const { jwt, payload, res } = await trustList();
    expect(res.headers.get('content-type')).toMatch(/^application\/jwt/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const { dids } = resolverFor();
    const verified = await verifyDidJwt(jwt, { dids, relationship: 'assertionMethod', expectedDid: registryDid });
    expect(verified.header).toMatchObject({ alg: 'EdDSA', typ: TRUST_LIST_TYP, kid: `${registryDid}#key-1` });
    expect(Object.keys(payload).sort()).toEqual(['exp', 'frontOffices', 'iat', 'iss', 'organizations', 'version']);
    expect(payload.iss).toBe(registryDid);
    expect(payload.exp - payload.iat).toBe(24 * 60 * 60);
    expect(Math.abs(payload.iat - Date.now() / 1000)).toBeLessThan(120);
    expect(payload.organizations.map((o) => o.id)).toEqual(['eco-qyran', 'jas-agash']);
    expect(payload.organizations[0]).toEqual({
      id: 'eco-qyran',
      did: didWebFromUrl(issuer.url, 'orgs', 'eco-qyran'),
      name: { kk: 'eco-qyran', ru: 'eco-qyran', en: 'eco-qyran' },
      region: 'KZ-55',
      status: 'accredited',
      accreditations: [{ from: expect.any(String), until: null }],
    });
    expect(payload.frontOffices).toEqual([{ id: 'pavlodar', region: 'KZ-55', name: PAVLODAR_NAME }]);
  });

  it('is accepted by the shared trust-list fetcher that wallets and verifiers use', async () => {
    const { fetch, dids } = resolverFor();
    const list = await fetchTrustList({ url: `${issuer.url}/v1/trust-list`, registryDid, fetch, dids });
    expect(list.byDid.get(didWebFromUrl(issuer.url, 'orgs', 'jas-agash'))?.status).toBe('accredited');
  });

  it('is served from cache while nothing changes, with an ETag', async () => {
    const first = await trustList();
    const second = await trustList();
    expect(second.jwt).toBe(first.jwt);
    expect(first.etag).toBeTruthy();
    // fetch() adds `Cache-Control: no-cache` to conditional requests unless one is given.
    const notModified = await fetch(`${issuer.url}/v1/trust-list`, { headers: { 'if-none-match': first.etag!, 'cache-control': 'max-age=0' } });
    expect(notModified.status).toBe(304);
  });

  it('changes at once, in version and content, on suspension and reinstatement', async () => {
    const before = await trustList();
    const suspended = await api('POST', '/v1/organizations/jas-agash/suspend', { token: keys.pavlodar, body: { reason: 'Inspection' } });
    expect(suspended.status).toBe(200);
    const during = await trustList();
    expect(during.payload.version).toBeGreaterThan(before.payload.version);
    expect(during.etag).not.toBe(before.etag);
    const entry = during.payload.organizations.find((o) => o.id === 'jas-agash')!;
    expect(entry.status).toBe('suspended');
    expect(entry.accreditations).toEqual([{ from: expect.any(String), until: suspended.body.accreditations[0].until }]);

    await api('POST', '/v1/organizations/jas-agash/reinstate', { token: ADMIN, body: {} });
    const after = await trustList();
    expect(after.payload.version).toBeGreaterThan(during.payload.version);
    const back = after.payload.organizations.find((o) => o.id === 'jas-agash')!;
    expect(back.status).toBe('accredited');
    expect(back.accreditations).toHaveLength(2);
    const { dids } = resolverFor();
    await verifyDidJwt(after.jwt, { dids, relationship: 'assertionMethod', expectedDid: registryDid });
  });

  it('a new accreditation shows at once', async () => {
    const before = await trustList();
    await api('POST', '/v1/organizations', { token: ADMIN, body: { id: 'late-comer', name: { en: 'Late comer' }, region: 'KZ-71' } });
    const after = await trustList();
    expect(after.payload.version).toBeGreaterThan(before.payload.version);
    expect(after.payload.organizations.map((o) => o.id)).toContain('late-comer');
  });
});

describe('the audit trail', () => {
  it('records every accreditation change, naming the API key that acted', async () => {
    expect(pavlodarKeyId).toMatch(/^key_[0-9a-f]{20}$/);
    const db = await openServiceDatabase(issuer);
    try {
      const rows = await db.all<{ action: string; subject: string; actor: string }>('SELECT action, subject, actor FROM audit_log ORDER BY seq');
      expect(rows).toEqual(
        expect.arrayContaining([
          { action: 'front_office.created', subject: 'pavlodar', actor: 'registry' },
          { action: 'organization.accredited', subject: 'eco-qyran', actor: `key:${pavlodarKeyId}` },
          { action: 'organization.suspended', subject: 'jas-agash', actor: `key:${pavlodarKeyId}` },
          { action: 'organization.reinstated', subject: 'jas-agash', actor: 'registry' },
        ]),
      );
    } finally {
      await db.close();
    }
  });
});

describe('at rest and across restarts', () => {
  it('a retried accreditation reuses the DID an interrupted one left behind', async () => {
    // Play a crash between creating the organization's DID and writing its row: make the DID
    // with the issuer's own code, agent and database file (a second connection, as an instance
    // that died mid-way would have), then accredit.
    const db = await openServiceDatabase(issuer);
    const { dids } = resolverFor();
    const agent = createPassportAgent({ db, keyBox: createSecretBox(SECRET, 'agent-keys'), dids });
    const orphanDid = didWebFromUrl(issuer.url, 'orgs', 'orphan-org');
    const orphan = await createWebIdentities({ agent, db, now: () => new Date() }).ensure(orphanDid);
    await db.close();

    const res = await api('POST', '/v1/organizations', { token: ADMIN, body: { id: 'orphan-org', name: { en: 'Orphan' }, region: 'KZ-55' } });
    expect(res.status).toBe(201);
    expect(res.body.did).toBe(orphanDid);
    const doc = await resolverFor().dids.resolveDocument(orphanDid);
    expect(doc.verificationMethod![0]!.publicKeyJwk!.x).toBe(Buffer.from(orphan.publicKeyHex, 'hex').toString('base64url'));
  });

  it('keeps DIDs, keys and API keys over a restart', async () => {
    const before = {
      registry: await (await fetch(`${issuer.url}/.well-known/did.json`)).json(),
      org: await (await fetch(`${issuer.url}/orgs/eco-qyran/did.json`)).json(),
      version: (await trustList()).payload.version,
    };
    await issuer.restart();
    expect(await (await fetch(`${issuer.url}/.well-known/did.json`)).json()).toEqual(before.registry);
    expect(await (await fetch(`${issuer.url}/orgs/eco-qyran/did.json`)).json()).toEqual(before.org);
    const list = await trustList();
    expect(list.payload.version).toBe(before.version);
    await verifyDidJwt(list.jwt, { dids: resolverFor().dids, relationship: 'assertionMethod', expectedDid: registryDid });
    const byOffice = await api('POST', '/v1/organizations', { token: keys.pavlodar, body: { id: 'after-restart', name: { en: 'After restart' }, region: 'KZ-55' } });
    expect(byOffice.status).toBe(201);
    keys['after-restart'] = byOffice.body.apiKey;
    const orgKeyStillKnown = await api('POST', '/v1/organizations', { token: keys['eco-qyran'], body: { id: 'nope', name: { en: 'Nope' }, region: 'KZ-55' } });
    expect(orgKeyStillKnown.body.code).toBe('forbidden');
  });

  it('keeps no private key, API key or admin token in clear in the database files or the log', async () => {
    const db = await openServiceDatabase(issuer);
    const sealed = await db.all<{ sealed: string }>('SELECT sealed FROM agent_private_keys');
    await db.close();
    const box = createSecretBox(SECRET, 'agent-keys');
    // The registry, five organizations (one reused from the interrupted accreditation).
    expect(sealed.length).toBeGreaterThanOrEqual(6);
    const bytes = await everythingStored(issuer);
    const text = bytes.toString('latin1');
    // The scan sees what the service wrote: the sealed keys and the API keys' hashes are there.
    expect(text.includes(sealed[0]!.sealed)).toBe(true);
    expect(text.includes(hashToken(keys.pavlodar!))).toBe(true);
    for (const { sealed: s } of sealed) {
      const key = box.open(s);
      const seed = key.subarray(0, 32);
      expect(bytes.includes(seed)).toBe(false);
      for (const encoded of [seed.toString('hex'), seed.toString('hex').toUpperCase(), seed.toString('base64'), seed.toString('base64url'), key.toString('hex')]) {
        expect(text.includes(encoded)).toBe(false);
      }
    }
    const log = issuer.output();
    for (const secret of [...Object.values(keys), ADMIN, SECRET]) {
      expect(text.includes(secret)).toBe(false);
      expect(log.includes(secret)).toBe(false);
    }
  });
});

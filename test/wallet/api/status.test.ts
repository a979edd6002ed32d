import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signer, IssuerFixture } from '../../helpers/issuer-fixture.ts';
import { startService, type StartedService } from '../../helpers/services.ts';
import { call, type CallOptions } from './setup.ts';

/**
 * Every status a stored credential can have, played with the small stand-in issuer of
 * test/helpers (its keys, lists and outages are the test's to set), against a real wallet that
 * trusts the stand-in's registry.
 */
let fixture: IssuerFixture;
let wallet: StartedService;
let token: string;
let did: string;
const api = <T = any>(method: string, path: string, options: CallOptions = {}) => call<T>(wallet.url, method, path, { token, ...options });

async function importOne(jwt: string): Promise<string> {
  const res = await api('POST', '/v1/import', { body: [jwt] });
  expect(res.body.results[0], res.text).toMatchObject({ imported: true });
  return res.body.results[0].id;
}

async function statusOf(id: string): Promise<string> {
  const res = await api('GET', `/v1/credentials/${encodeURIComponent(id)}`);
  return res.body.status;
}

beforeAll(async () => {
  fixture = await IssuerFixture.start();
  wallet = await startService('wallet', {
    env: { PASSPORT_SECRET: 'wallet-status-test-secret-0123456789', REGISTRY_DID: fixture.registry.did, TRUST_LIST_URL: fixture.trustListUrl, WALLET_CACHE_SECONDS: '0' },
  });
  did = (await call(wallet.url, 'POST', '/v1/accounts', { body: { login: 'dana', password: 'a long passphrase' } })).body.did;
  token = (await call(wallet.url, 'POST', '/v1/sessions', { body: { login: 'dana', password: 'a long passphrase' } })).body.token;
});
afterAll(async () => {
  await Promise.all([wallet?.stop(), fixture?.stop()]);
});

describe('the status of a stored credential, computed now', () => {
  it('valid, then revoked once its bit is set', async () => {
    const org = fixture.addOrganization('eco');
    const id = await importOne(await fixture.issue('eco', { holderDid: did, statusIndex: 1234 }));
    expect(await statusOf(id)).toBe('valid');
    org.statusList.set(1234, true);
    expect(await statusOf(id)).toBe('revoked');
  });

  it('issuer_suspended when issued after the accreditation ended; valid when issued before', async () => {
    fixture.addOrganization('paused', { status: 'suspended', accreditations: [{ from: '2024-01-01T00:00:00Z', until: '2025-01-01T00:00:00Z' }] });
    const before = await importOne(await fixture.issue('paused', { holderDid: did, issuedAt: new Date('2024-06-01T00:00:00Z') }));
    const after = await importOne(await fixture.issue('paused', { holderDid: did, issuedAt: new Date('2025-02-01T00:00:00Z') }));
    expect(await statusOf(before)).toBe('valid');
    expect(await statusOf(after)).toBe('issuer_suspended');
  });

  it('expired after its exp', async () => {
    fixture.addOrganization('short');
    const id = await importOne(await fixture.issue('short', { holderDid: did, issuedAt: new Date(Date.now() - 86_400_000), expiresAt: new Date(Date.now() - 1000) }));
    expect(await statusOf(id)).toBe('expired');
  });

  it('unverifiable while the status list cannot be had, valid again when it is back', async () => {
    const org = fixture.addOrganization('flaky');
    const id = await importOne(await fixture.issue('flaky', { holderDid: did }));
    fixture.down.add(new URL(org.statusListUrl).pathname);
    const res = await api('GET', `/v1/credentials/${encodeURIComponent(id)}`);
    expect(res.body.status).toBe('unverifiable');
    expect(res.body.statusReasons.join(' ')).toMatch(/status/);
    fixture.down.clear();
    expect(await statusOf(id)).toBe('valid');
  });

  it('unverifiable while the trust list cannot be had, but a revocation still shows', async () => {
    const org = fixture.addOrganization('both');
    const id = await importOne(await fixture.issue('both', { holderDid: did, statusIndex: 77 }));
    fixture.down.add('/v1/trust-list');
    try {
      expect(await statusOf(id)).toBe('unverifiable');
      org.statusList.set(77, true);
      expect(await statusOf(id)).toBe('revoked');
    } finally {
      fixture.down.clear();
    }
  });

  it('invalid once the signature no longer verifies with the key the DID document names', async () => {
    const org = fixture.addOrganization('rotated');
    const id = await importOne(await fixture.issue('rotated', { holderDid: did }));
    const fresh = signer(org.did, 'key-1');
    Object.assign(org, { key: fresh.key, publicKey: fresh.publicKey });
    expect(await statusOf(id)).toBe('invalid');
  });

  it('counts only valid credentials in the totals, and says why the others are out', async () => {
    const summary = await api('GET', '/v1/summary');
    expect(summary.body.counted).toBe(2);
    expect(summary.body.totalHours).toBe(2 * 18.5);
    expect(summary.body.excluded).toEqual({ total: 5, byStatus: { revoked: 2, issuer_suspended: 1, expired: 1, invalid: 1 } });
  });
});

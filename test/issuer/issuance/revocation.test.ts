import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidResolver } from '../../../shared/did/index.ts';
import { decodeJwtParts, verifyDidJwt } from '../../../shared/jwt/index.ts';
import { createGuardedFetch } from '../../../shared/net/index.ts';
import { fetchStatusList, StatusBitstring } from '../../../shared/status-list/index.ts';
import { openServiceDatabase } from '../../helpers/database.ts';
import { call, claimByHand, newHolder, offerUrlOf, recordOne, startIssuer, type IssuerUnderTest, type Organization } from './setup.ts';

let t: IssuerUnderTest;
let org: Organization;
let other: Organization;
const fetch = createGuardedFetch({ httpHosts: ['localhost'] });
const dids = createDidResolver({ fetch, httpHosts: ['localhost'] });

beforeAll(async () => {
  t = await startIssuer();
  org = await t.accredit('qamqor');
  other = await t.accredit('meirim', 'KZ-75');
}, 60_000);
afterAll(() => t?.issuer.stop());

interface Claimed {
  activityId: string;
  credentialId: string;
  holderDid: string;
  index: number;
  listUrl: string;
}

async function claimOne(o: Organization = org): Promise<Claimed> {
  const { id, offerUri } = await recordOne(t, o);
  const holder = newHolder();
  const res = await claimByHand(t, offerUri, holder);
  const payload = decodeJwtParts(res.body.credentials[0].credential).payload as Record<string, any>;
  return { activityId: id, credentialId: payload.jti, holderDid: holder.did, index: Number(payload.vc.credentialStatus.statusListIndex), listUrl: payload.vc.credentialStatus.statusListCredential };
}

async function statusList(url: string) {
  const res = await call(t.issuer.url, 'GET', url);
  expect(res.status).toBe(200);
  const verified = await verifyDidJwt(res.text, { dids, relationship: 'assertionMethod', expectedDid: org.did });
  return { res, verified, bits: await StatusBitstring.decode((verified.payload.vc as any).credentialSubject.encodedList) };
}

describe('status lists', () => {
  it('serve a signed BitstringStatusListCredential of 131,072 entries with a short ttl, revalidated by ETag', async () => {
    const c = await claimOne();
    expect(c.listUrl).toBe(`${t.issuer.url}/status/qamqor/1`);
    const { res, verified, bits } = await statusList(c.listUrl);
    expect(res.headers.get('content-type')).toMatch(/^application\/vc\+jwt/);
    expect(res.headers.get('cache-control')).toBe('public, no-cache');
    expect(res.headers.get('etag')).toBeTruthy();
    expect(verified.kid).toBe(`${org.did}#key-1`);
    const vc = verified.payload.vc as any;
    expect(vc.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(vc.credentialSubject).toMatchObject({ id: `${c.listUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', ttl: 10_000 });
    expect(verified.payload.iss).toBe(org.did);
    expect(bits.size).toBe(131_072);
    expect(bits.get(c.index)).toBe(false);
    const etag = res.headers.get('etag')!;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await t.api('GET', '/status/qamqor/1', { headers: { 'if-none-match': ifNoneMatch } });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.text).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
    }
    expect((await t.api('GET', '/status/qamqor/1', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
    // The wallet's and verifier's shared reader accepts it too.
    const read = await fetchStatusList(c.listUrl, { fetch, dids, expectedIssuer: org.did });
    expect(read.bits.get(c.index)).toBe(false);
  });

  it('give credentials random, distinct indices', async () => {
    const indices = [];
    for (let i = 0; i < 6; i++) indices.push((await claimOne()).index);
    expect(new Set(indices).size).toBe(6);
    const sorted = [...indices].sort((a, b) => a - b);
    expect(indices).not.toEqual(sorted);
  });

  it('answer 404 for a list that does not exist', async () => {
    expect((await t.api('GET', '/status/qamqor/99')).status).toBe(404);
    expect((await t.api('GET', '/status/nobody/1')).status).toBe(404);
  });
});

describe('revocation', () => {
  it('flips exactly the bit of the revoked credential, once', async () => {
    const keep = await claimOne();
    const revoke = await claimOne();
    const before = await statusList(revoke.listUrl);
    const res = await t.api('POST', `/v1/credentials/${revoke.credentialId}/revoke`, { token: org.apiKey, body: { reason: 'Entered twice by mistake' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: revoke.credentialId, activityId: revoke.activityId, status: 'revoked', reason: 'Entered twice by mistake', statusListIndex: String(revoke.index) });
    const after = await statusList(revoke.listUrl);
    expect(after.res.headers.get('etag')).not.toBe(before.res.headers.get('etag'));
    expect(after.bits.get(revoke.index)).toBe(true);
    expect(after.bits.get(keep.index)).toBe(false);
    const changed = [...after.bits.bytes].flatMap((b, i) => (b === before.bits.bytes[i] ? [] : [i]));
    expect(changed).toEqual([revoke.index >> 3]);
    expect(after.bits.bytes[revoke.index >> 3]! ^ before.bits.bytes[revoke.index >> 3]!).toBe(0x80 >> (revoke.index & 7));

    const twice = await t.api('POST', `/v1/credentials/${revoke.credentialId}/revoke`, { token: org.apiKey, body: { reason: 'again' } });
    expect(twice.status).toBe(200);
    expect(twice.body).toEqual(res.body);
    expect((await t.api('GET', `/v1/activities/${revoke.activityId}`, { token: org.apiKey })).body.status).toBe('revoked');
  });

  it('takes the activity id as well', async () => {
    const c = await claimOne();
    const res = await t.api('POST', `/v1/credentials/${c.activityId}/revoke`, { token: org.apiKey, body: { reason: 'Volunteer asked' } });
    expect(res.body).toMatchObject({ status: 'revoked', id: c.credentialId });
    expect((await statusList(c.listUrl)).bits.get(c.index)).toBe(true);
  });

  it('withdraws an offer not yet claimed', async () => {
    const { id, offerUri } = await recordOne(t, org);
    const offerUrl = offerUrlOf(offerUri);
    // A code fetched before the withdrawal stops working too.
    const code = (await call(t.issuer.url, 'GET', offerUrl)).body.grants['urn:ietf:params:oauth:grant-type:pre-authorized_code']['pre-authorized_code'];
    const res = await t.api('POST', `/v1/credentials/${id}/revoke`, { token: org.apiKey, body: { reason: 'Activity cancelled' } });
    expect(res.body).toMatchObject({ status: 'withdrawn', activityId: id });
    expect((await call(t.issuer.url, 'GET', offerUrl)).body).toMatchObject({ status: 410, code: 'gone' });
    const token = await t.api('POST', '/oid4vci/token', {
      raw: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code', 'pre-authorized_code': code }).toString(),
      type: 'application/x-www-form-urlencoded',
    });
    expect(token.body).toMatchObject({ status: 400, error: 'invalid_grant' });
    expect((await t.api('GET', `/v1/activities/${id}`, { token: org.apiKey })).body).toMatchObject({ status: 'withdrawn' });
    expect((await t.api('GET', `/v1/activities/${id}/offer.png`, { token: org.apiKey })).body).toMatchObject({ status: 410 });
    const again = await t.api('POST', `/v1/credentials/${id}/revoke`, { token: org.apiKey, body: { reason: 'x' } });
    expect(again.body).toEqual(res.body);
  });

  it('is for the issuing organization only', async () => {
    const c = await claimOne();
    const theirs = await t.api('POST', `/v1/credentials/${c.credentialId}/revoke`, { token: other.apiKey, body: { reason: 'not mine' } });
    expect(theirs.body).toMatchObject({ status: 404, code: 'not_found' });
    expect((await t.api('POST', `/v1/credentials/${c.activityId}/revoke`, { token: other.apiKey, body: { reason: 'x' } })).status).toBe(404);
    expect((await t.api('POST', `/v1/credentials/${c.credentialId}/revoke`, { body: { reason: 'x' } })).status).toBe(401);
    expect((await statusList(c.listUrl)).bits.get(c.index)).toBe(false);
    expect((await t.api('POST', `/v1/credentials/${c.credentialId}/revoke`, { token: org.apiKey, body: {} })).body).toMatchObject({ status: 400, field: 'reason' });
    expect((await t.api('POST', '/v1/credentials/urn:uuid:00000000-0000-4000-8000-000000000000/revoke', { token: org.apiKey, body: { reason: 'x' } })).status).toBe(404);
  });
});

describe('a restart', () => {
  it('keeps activities, credentials, revocations and offers', async () => {
    const revoked = await claimOne();
    await t.api('POST', `/v1/credentials/${revoked.credentialId}/revoke`, { token: org.apiKey, body: { reason: 'before restart' } });
    const pending = await recordOne(t, org);
    await t.issuer.restart();
    expect((await statusList(revoked.listUrl)).bits.get(revoked.index)).toBe(true);
    expect((await t.api('GET', `/v1/activities/${revoked.activityId}`, { token: org.apiKey })).body.status).toBe('revoked');
    expect((await t.api('GET', `/v1/activities/${pending.id}`, { token: org.apiKey })).body.offerUri).toBe(pending.offerUri);
    expect((await claimByHand(t, pending.offerUri, newHolder())).status).toBe(200);
  }, 60_000);
});

describe('the audit trail', () => {
  it('holds each recording, issuance and revocation, written with the change', async () => {
    const c = await claimOne();
    await t.api('POST', `/v1/credentials/${c.credentialId}/revoke`, { token: org.apiKey, body: { reason: 'audited' } });
    // A look at the service's own database: the audit trail has no HTTP route.
    const db = await openServiceDatabase(t.issuer);
    const rows = await db.all<{ action: string; subject: string; actor: string }>('SELECT action, subject, actor FROM audit_log WHERE subject IN (?, ?)', [c.activityId, c.credentialId]).finally(() => db.close());
    // Each names who acted: the organization's API key recorded and revoked, the volunteer's wallet claimed.
    expect(rows.map((r) => `${r.action} ${r.subject} ${r.actor}`).sort()).toEqual(
      [
        `activity.recorded ${c.activityId} key:${org.apiKeyId}`,
        `credential.issued ${c.credentialId} holder:${c.holderDid}`,
        `credential.revoked ${c.credentialId} key:${org.apiKeyId}`,
      ].sort(),
    );
  });
});

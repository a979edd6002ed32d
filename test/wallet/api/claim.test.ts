import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Passport, type Organization, type Volunteer } from './setup.ts';

let passport: Passport;
let eco: Organization;
let bilim: Organization;
let dana: Volunteer;
const claimed: { id: string; activityId: string; hours: number }[] = [];

const ACTIVITIES = [
  { org: 'eco', overrides: { hours: 18.5 } },
  { org: 'eco', overrides: { name: { kk: 'Өзен жағасын тазалау', ru: 'Уборка берега реки', en: 'River bank clean-up' }, hours: 6, activityStartDate: '2024-09-14', activityEndDate: '2024-09-14' } },
  { org: 'bilim', overrides: { name: { kk: 'Оқушыларға математикадан көмек', ru: 'Помощь школьникам по математике', en: 'Maths help for pupils' }, category: 'education', region: 'KZ-71', hours: 12.25, activityStartDate: '2025-02-01', activityEndDate: '2025-02-28' } },
] as const;

beforeAll(async () => {
  passport = await Passport.start();
  eco = await passport.accredit('eco-qyran');
  bilim = await passport.accredit('bilim-volunteers', 'KZ-71');
  dana = await passport.volunteer('dana');
});
afterAll(async () => {
  await passport?.stop();
});

describe('claiming offers (OpenID4VCI against the real issuer)', () => {
  it('claims several credentials and checks each before storing it', async () => {
    for (const a of ACTIVITIES) {
      const recorded = await passport.record(a.org === 'eco' ? eco : bilim, a.overrides);
      const res = await passport.claim(dana, recorded.offerUri);
      expect(res.status, res.text).toBe(201);
      expect(res.body.id).toMatch(/^urn:uuid:/);
      expect(res.body.issuerDid).toBe((a.org === 'eco' ? eco : bilim).did);
      expect(res.body.activity.hours).toBe(a.overrides.hours);
      expect(res.body.status).toBe('valid');
      expect(res.body.organization.name.kk).toBe(`${a.org === 'eco' ? 'eco-qyran' : 'bilim-volunteers'} ұйымы`);
      claimed.push({ id: res.body.id, activityId: recorded.id, hours: a.overrides.hours });
    }
  });

  it('refuses an offer it has already claimed', async () => {
    const recorded = await passport.record(eco, { hours: 2 });
    expect((await passport.claim(dana, recorded.offerUri)).status).toBe(201);
    const again = await passport.claim(dana, recorded.offerUri);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
    // Another volunteer cannot take it either.
    const aigerim = await passport.volunteer('aigerim');
    expect((await passport.claim(aigerim, recorded.offerUri)).status).toBe(409);
    const list = await passport.walletApi('GET', '/v1/credentials', { token: dana.token });
    const removed = list.body.credentials.find((c: { activity: { hours: number } }) => c.activity.hours === 2);
    expect((await passport.walletApi('DELETE', `/v1/credentials/${encodeURIComponent(removed.id)}`, { token: dana.token })).status).toBe(204);
  });

  it('says what is wrong with an offer link, without fetching refused addresses', async () => {
    const bad = await passport.claim(dana, 'https://example.kz/not-an-offer');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'invalid_request', field: 'offerUri' });
    expect((await passport.claim(dana, 'mailto:someone@example.kz')).body.field).toBe('offerUri');
    const privateHost = await passport.claim(dana, `openid-credential-offer://?credential_offer_uri=${encodeURIComponent('https://10.1.2.3/offer')}`);
    expect(privateHost.status).toBe(400);
    expect(privateHost.body).toMatchObject({ code: 'fetch_refused', step: 'offer' });
    const unknown = await passport.claim(dana, `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(`${passport.issuer.url}/oid4vci/offers/no-such-offer-token-000000`)}`);
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unprocessable', step: 'offer' });
  });

  it('claims an offer passed by value with the same code only once', async () => {
    const recorded = await passport.record(eco, { hours: 1 });
    const offerUrl = decodeURIComponent(/credential_offer_uri=([^&]+)/.exec(recorded.offerUri)![1]!);
    const offer = await passport.issuerApi('GET', offerUrl);
    expect(offer.status).toBe(200);
    const byValue = `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer.body))}`;
    const res = await passport.claim(dana, byValue);
    expect(res.status, res.text).toBe(201);
    expect((await passport.claim(dana, byValue)).status).toBe(409);
    expect((await passport.walletApi('DELETE', `/v1/credentials/${encodeURIComponent(res.body.id)}`, { token: dana.token })).status).toBe(204);
  });
});

describe('the passport', () => {
  it('lists the credentials decoded, with their status now', async () => {
    const res = await passport.walletApi('GET', '/v1/credentials', { token: dana.token });
    expect(res.status).toBe(200);
    expect(res.body.credentials.map((c: { id: string }) => c.id).sort()).toEqual(claimed.map((c) => c.id).sort());
    for (const c of res.body.credentials) {
      expect(c.status).toBe('valid');
      expect(c.holderName).toBe('Дана Серікқызы');
      expect(Date.parse(c.issuedAt)).not.toBeNaN();
      expect(c.activity.name.kk).toBeTruthy();
    }
    const one = await passport.walletApi('GET', `/v1/credentials/${encodeURIComponent(claimed[0]!.id)}`, { token: dana.token });
    expect(one.body.jwt.split('.')).toHaveLength(3);
    // Who stands behind it, for the credential's own page: the organization as the trust list names it, and the registry.
    expect(one.body.issuer).toMatchObject({ did: eco.did, region: 'KZ-55', accredited: { status: 'accredited' }, registryDid: expect.stringMatching(/^did:web:/) });
    expect(Date.parse(one.body.issuer.accredited.since)).not.toBeNaN();
    expect((await passport.walletApi('GET', '/v1/credentials/urn:uuid:nothing', { token: dana.token })).status).toBe(404);
  });

  it('keeps each volunteer to their own passport', async () => {
    const aigerim = await passport.volunteer('aigerim2');
    expect((await passport.walletApi('GET', `/v1/credentials/${encodeURIComponent(claimed[0]!.id)}`, { token: aigerim.token })).status).toBe(404);
    expect((await passport.walletApi('GET', '/v1/credentials', { token: aigerim.token })).body.credentials).toEqual([]);
  });

  it('totals the verified hours overall, by category, by year and by organization', async () => {
    const res = await passport.walletApi('GET', '/v1/summary', { token: dana.token });
    expect(res.status).toBe(200);
    expect(res.body.totalHours).toBe(18.5 + 6 + 12.25);
    expect(res.body.counted).toBe(3);
    expect(res.body.byCategory).toEqual([
      { category: 'ecology', hours: 24.5, count: 2 },
      { category: 'education', hours: 12.25, count: 1 },
    ]);
    expect(res.body.byYear).toEqual([
      { year: 2025, hours: 30.75, count: 2 },
      { year: 2024, hours: 6, count: 1 },
    ]);
    expect(res.body.byOrganization).toEqual([
      { did: eco.did, id: 'eco-qyran', name: { kk: 'eco-qyran ұйымы', ru: 'Организация eco-qyran', en: 'Organization eco-qyran' }, hours: 24.5, count: 2 },
      { did: bilim.did, id: 'bilim-volunteers', name: { kk: 'bilim-volunteers ұйымы', ru: 'Организация bilim-volunteers', en: 'Organization bilim-volunteers' }, hours: 12.25, count: 1 },
    ]);
    expect(res.body.excluded).toEqual({ total: 0, byStatus: {} });
  });

  it('shows a revocation at the issuer as revoked, and the totals drop', async () => {
    const revoked = claimed[1]!;
    const res = await passport.issuerApi('POST', `/v1/credentials/${encodeURIComponent(revoked.id)}/revoke`, { token: eco.apiKey, body: { reason: 'recorded twice' } });
    expect(res.status, res.text).toBe(200);
    const list = await passport.walletApi('GET', '/v1/credentials', { token: dana.token });
    const statuses = Object.fromEntries(list.body.credentials.map((c: { id: string; status: string }) => [c.id, c.status]));
    expect(statuses[revoked.id]).toBe('revoked');
    expect(statuses[claimed[0]!.id]).toBe('valid');
    const summary = await passport.walletApi('GET', '/v1/summary', { token: dana.token });
    expect(summary.body.totalHours).toBe(18.5 + 12.25);
    expect(summary.body.byYear).toEqual([{ year: 2025, hours: 30.75, count: 2 }]);
    expect(summary.body.excluded).toEqual({ total: 1, byStatus: { revoked: 1 } });
  });

  it('keeps a credential issued before a suspension valid', async () => {
    const suspended = await passport.issuerApi('POST', `/v1/organizations/${bilim.id}/suspend`, { token: 'wallet-test-admin-token', body: { reason: 'inspection' } });
    expect(suspended.status, suspended.text).toBe(200);
    const list = await passport.walletApi('GET', '/v1/credentials', { token: dana.token });
    expect(list.body.credentials.find((c: { id: string }) => c.id === claimed[2]!.id).status).toBe('valid');
  });

  it('removes a credential from the passport', async () => {
    const aigerim = await passport.volunteer('aigerim3');
    const recorded = await passport.record(eco, { hours: 3 });
    const res = await passport.claim(aigerim, recorded.offerUri);
    expect(res.status).toBe(201);
    expect((await passport.walletApi('DELETE', `/v1/credentials/${encodeURIComponent(res.body.id)}`, { token: dana.token })).status).toBe(404);
    expect((await passport.walletApi('DELETE', `/v1/credentials/${encodeURIComponent(res.body.id)}`, { token: aigerim.token })).status).toBe(204);
    expect((await passport.walletApi('GET', '/v1/credentials', { token: aigerim.token })).body.credentials).toEqual([]);
  });
});

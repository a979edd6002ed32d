import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Passport, type Organization, type Volunteer } from './setup.ts';

/**
 * Event check-ins through the real wallet (issue 12): 50 volunteers check in with OpenID4VCI and
 * deferred issuance, the coordinator sets hours (one value, then exceptions), declines one with a
 * reason, a volunteer cancels, the event is confirmed, and each wallet's refresh stores exactly
 * its own credential, bound to its own key, with its own hours.
 */
let p: Passport;
let org: Organization;
const VOLUNTEERS = 50;

beforeAll(async () => {
  p = await Passport.start();
  org = await p.accredit('events-wallet-org');
}, 60_000);
afterAll(async () => {
  await p?.stop();
});

function today(): string {
  return new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
}

async function createEvent(): Promise<any> {
  const res = await p.issuerApi('POST', '/v1/events', {
    token: org.apiKey,
    body: {
      activity: { name: { kk: 'Ағаш отырғызу', ru: 'Посадка деревьев', en: 'Tree planting' }, project: 'Жас ағаш', category: 'ecology', region: 'KZ-55', activityStartDate: today(), activityEndDate: today() },
      place: 'Pavlodar',
      checkInUntil: new Date(Date.now() + 3_600_000).toISOString(),
    },
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function volunteer(i: number): Promise<Volunteer> {
  const login = `event-volunteer-${i}`;
  const from = { 'x-forwarded-for': `10.12.${Math.floor(i / 200)}.${i % 200}` };
  const created = await p.walletApi('POST', '/v1/accounts', { body: { login, password: 'a long passphrase 1' }, headers: from });
  if (created.status !== 201) throw new Error(`creating ${login}: ${created.status} ${created.text}`);
  const session = await p.walletApi('POST', '/v1/sessions', { body: { login, password: 'a long passphrase 1' }, headers: from });
  const v = { login, password: 'a long passphrase 1', id: created.body.id, did: created.body.did, token: session.body.token };
  await p.walletApi('PUT', '/v1/account/profile', { token: v.token, body: { name: `Волонтёр ${i}` } });
  return v;
}

async function inBatches<T>(count: number, size: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size) out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, k) => work(i + k)))));
  return out;
}

describe('event check-ins through the wallet', () => {
  it('50 wallets check in, and each receives exactly its own credential with its own hours after confirmation', async () => {
    const event = await createEvent();
    const people = await inBatches(VOLUNTEERS, 10, volunteer);

    // Everyone scans the screen's code (fresh every 30 s: the page reads the current one).
    const checkIns = await inBatches(VOLUNTEERS, 10, async (i) => {
      const current = (await p.issuerApi('GET', `/v1/events/${event.id}`, { token: org.apiKey })).body;
      const res = await p.walletApi('POST', '/v1/credentials/claim', { token: people[i]!.token, body: { offerUri: current.checkInOfferUri } });
      expect(res.status, res.text).toBe(202);
      expect(res.body.checkIn).toMatchObject({ status: 'waiting', existing: false, event: { name: { en: 'Tree planting' }, place: 'Pavlodar' }, cancellable: true });
      return res.body.checkIn;
    });
    expect(checkIns).toHaveLength(VOLUNTEERS);

    // A second scan shows the same check-in.
    const current = (await p.issuerApi('GET', `/v1/events/${event.id}`, { token: org.apiKey })).body;
    const again = await p.walletApi('POST', '/v1/credentials/claim', { token: people[0]!.token, body: { offerUri: current.checkInOfferUri } });
    expect(again.status).toBe(202);
    expect(again.body.checkIn).toMatchObject({ id: checkIns[0].id, existing: true });

    const list = (await p.issuerApi('GET', `/v1/events/${event.id}/check-ins`, { token: org.apiKey })).body.checkIns as any[];
    expect(list).toHaveLength(VOLUNTEERS);
    const byDid = new Map(list.map((c) => [c.did, c]));
    for (const [i, v] of people.entries()) expect(byDid.get(v.did)).toMatchObject({ name: `Волонтёр ${i}`, status: 'waiting' });

    // Volunteer 1 did not come; volunteer 2 cancels; volunteers 3 and 4 stayed longer.
    const declined = await p.issuerApi('POST', `/v1/events/${event.id}/check-ins/${byDid.get(people[1]!.did).id}/decline`, { token: org.apiKey, body: { reason: 'не пришёл' } });
    expect(declined.status).toBe(200);
    const cancel = await p.walletApi('POST', `/v1/check-ins/${checkIns[2].id}/cancel`, { token: people[2]!.token });
    expect(cancel.body).toMatchObject({ status: 'cancelled' });

    // Before confirmation, a refresh finds the credentials still waiting.
    const early = await p.walletApi('POST', '/v1/check-ins/refresh', { token: people[0]!.token });
    expect(early.body.checkIns[0]).toMatchObject({ status: 'waiting' });

    const confirmed = await p.issuerApi('POST', `/v1/events/${event.id}/confirm`, {
      token: org.apiKey,
      body: { hours: 4, role: 'volunteer', checkIns: [{ id: byDid.get(people[3]!.did).id, hours: 6 }, { id: byDid.get(people[4]!.did).id, hours: 7.5, role: 'team lead' }] },
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body.confirmed).toBe(VOLUNTEERS - 2);

    const results = await inBatches(VOLUNTEERS, 10, async (i) => {
      // A refresh that could not reach the issuer in time leaves the check-in waiting for the next
      // one (as the page's polling would bring); the wallet logs why, shown if it never settles.
      let refreshed = await p.walletApi('POST', '/v1/check-ins/refresh', { token: people[i]!.token });
      for (let again = 0; again < 3 && refreshed.body.checkIns[0]?.status === 'waiting'; again++) {
        refreshed = await p.walletApi('POST', '/v1/check-ins/refresh', { token: people[i]!.token });
      }
      if (refreshed.body.checkIns[0]?.status === 'waiting') console.error(p.wallet.output().split('\n').filter((l) => l.includes('deferred credential')).join('\n'));
      const credentials = (await p.walletApi('GET', '/v1/credentials', { token: people[i]!.token })).body;
      return { checkIn: refreshed.body.checkIns[0], credentials: credentials.credentials ?? credentials };
    });
    const credentialIds = new Set<string>();
    for (const [i, r] of results.entries()) {
      if (i === 1) {
        expect(r.checkIn).toMatchObject({ status: 'declined', reason: 'не пришёл' });
        expect(r.credentials).toHaveLength(0);
        continue;
      }
      if (i === 2) {
        expect(r.checkIn).toMatchObject({ status: 'cancelled' });
        expect(r.credentials).toHaveLength(0);
        continue;
      }
      expect(r.checkIn.status).toBe('issued');
      expect(r.credentials).toHaveLength(1);
      const [c] = r.credentials;
      expect(c.id).toBe(r.checkIn.credentialId);
      expect(c.holderName).toBe(`Волонтёр ${i}`);
      expect(c.activity.hours).toBe(i === 3 ? 6 : i === 4 ? 7.5 : 4);
      expect(c.activity.role).toBe(i === 4 ? 'team lead' : 'volunteer');
      expect(c.status).toBe('valid');
      credentialIds.add(c.id);
    }
    expect(credentialIds.size).toBe(VOLUNTEERS - 2);

    // The hours count in the wallet's verified totals like any other credential.
    const summary = (await p.walletApi('GET', '/v1/summary', { token: people[4]!.token })).body;
    expect(JSON.stringify(summary)).toContain('7.5');
  }, 240_000);
});

describe('a check-in nobody confirms', () => {
  it('shows as expired in the wallet once its deferred transaction has expired', async () => {
    const short = await Passport.start({}, { CHECK_IN_TRANSACTION_SECONDS: '2' });
    try {
      const o = await short.accredit('events-expiring');
      const event = await short.issuerApi('POST', '/v1/events', {
        token: o.apiKey,
        body: { activity: { name: { en: 'Night shift' }, category: 'social', region: 'KZ-55', activityStartDate: today(), activityEndDate: today() }, checkInUntil: new Date(Date.now() + 600_000).toISOString() },
      });
      const v = await short.volunteer('expiring-volunteer');
      const claimed = await short.claim(v, event.body.checkInOfferUri);
      expect(claimed.status).toBe(202);
      expect((await short.walletApi('POST', '/v1/check-ins/refresh', { token: v.token })).body.checkIns[0].status).toBe('waiting');
      await new Promise((r) => setTimeout(r, 2_200));
      const later = await short.walletApi('POST', '/v1/check-ins/refresh', { token: v.token });
      expect(later.body.checkIns[0]).toMatchObject({ status: 'expired', cancellable: false });
      // Expired is final: cancelling is refused.
      expect((await short.walletApi('POST', `/v1/check-ins/${claimed.body.checkIn.id}/cancel`, { token: v.token })).status).toBe(409);
    } finally {
      await short.stop();
    }
  }, 90_000);
});

describe('checking in without a camera', () => {
  it('the coordinator scans the wallet’s personal QR and the issuer hands the event’s offer to that wallet, once', async () => {
    const event = await createEvent();
    const v = await p.volunteer('no-camera-volunteer');
    await p.walletApi('PUT', '/v1/account/profile', { token: v.token, body: { name: 'Ерлан Камерасыз' } });
    const request = await p.walletApi('POST', '/v1/check-ins/requests', { token: v.token });
    expect(request.status).toBe(201);
    expect(request.body.qr).toMatch(/^data:image\/png;base64,/);

    const sent = await p.issuerApi('POST', `/v1/events/${event.id}/send-offer`, { token: org.apiKey, body: { walletUrl: request.body.url } });
    expect(sent.status, sent.text).toBe(200);
    const checkIns = (await p.walletApi('GET', '/v1/check-ins', { token: v.token })).body.checkIns;
    expect(checkIns).toMatchObject([{ status: 'waiting', event: { name: { en: 'Tree planting' } } }]);
    const list = (await p.issuerApi('GET', `/v1/events/${event.id}/check-ins`, { token: org.apiKey })).body.checkIns;
    expect(list).toMatchObject([{ name: 'Ерлан Камерасыз', did: v.did }]);

    // The personal QR works once.
    const again = await p.issuerApi('POST', `/v1/events/${event.id}/send-offer`, { token: org.apiKey, body: { walletUrl: request.body.url } });
    expect(again.body).toMatchObject({ status: 404, code: 'not_found', field: 'walletUrl' });
    expect((await p.walletApi('POST', request.body.url.slice(p.wallet.url.length), { body: { offerUri: event.checkInOfferUri } })).status).toBe(404);
  }, 60_000);
});

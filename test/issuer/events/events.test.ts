import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidResolver } from '../../../shared/did/index.ts';
import { decodeJwtParts, verifyDidJwt } from '../../../shared/jwt/index.ts';
import { createGuardedFetch } from '../../../shared/net/index.ts';
import { ADMIN, call, checkInByHand, createEvent, credentialRequest, deferred, newHolder, offerUrlOf, startIssuer, type IssuerUnderTest, type Organization } from './setup.ts';

/**
 * Events over real HTTP (issue 12): check-in with deferred issuance, one check-in per key, the
 * coordinator's hours, decline, cancel, confirmation, the deferred fetch bound to the key, and a
 * rotating code refused once its window has passed (windows of 1 s here).
 */
let t: IssuerUnderTest;
let org: Organization;
const dids = createDidResolver({ fetch: createGuardedFetch({ httpHosts: ['localhost'] }), httpHosts: ['localhost'] });

beforeAll(async () => {
  t = await startIssuer({ CHECK_IN_CODE_SECONDS: '1' });
  org = await t.accredit('events-org');
}, 60_000);
afterAll(async () => {
  await t?.issuer.stop();
});

describe('events', () => {
  it('refuses an event with hours, without a deadline, or with a deadline past', async () => {
    const withHours = await t.api('POST', '/v1/events', { token: org.apiKey, body: { activity: { name: { en: 'x' }, category: 'ecology', region: 'KZ-55', activityStartDate: '2026-01-01', activityEndDate: '2026-01-01', hours: 3 }, checkInUntil: new Date(Date.now() + 60_000).toISOString() } });
    expect(withHours.status).toBe(400);
    expect(withHours.body.field).toBe('activity.hours');
    const late = await t.api('POST', '/v1/events', { token: org.apiKey, body: { activity: { name: { en: 'x' }, category: 'ecology', region: 'KZ-55', activityStartDate: '2026-01-01', activityEndDate: '2026-01-01' }, checkInUntil: '2020-01-01T00:00:00Z' } });
    expect(late.body).toMatchObject({ status: 400, code: 'invalid_request', field: 'checkInUntil' });
    const anonymous = await t.api('POST', '/v1/events', { body: {} });
    expect(anonymous.status).toBe(401);
  });

  it('checks in with deferred issuance, once per key, and issues each credential to its own key after confirmation', async () => {
    const event = await createEvent(t, org);
    expect(event).toMatchObject({ status: 'open', checkIns: { waiting: 0 } });
    expect(event.checkInUrl).toContain('/claim?offer=');
    const metadata = await t.api('GET', '/.well-known/openid-credential-issuer');
    expect(metadata.body.deferred_credential_endpoint).toBe(`${t.issuer.url}/oid4vci/deferred`);

    const [dana, aidar, other] = [newHolder(), newHolder(), newHolder()];
    const first = await checkInByHand(t, event.checkInOfferUri, dana, { display_name: 'Дана Әлиева' });
    expect(first.response.status).toBe(202);
    expect(first.response.body).toMatchObject({ interval: expect.any(Number), event: { id: event.id, name: { en: 'Irtysh bank clean-up' } } });
    const transaction = first.response.body.transaction_id as string;
    expect((await deferred(t, first.token!, transaction)).body).toEqual({ transaction_id: transaction, interval: first.response.body.interval });

    // The same wallet scanning again is shown its check-in, not a second one.
    const fresh = (await t.api('GET', `/v1/events/${event.id}`, { token: org.apiKey })).body;
    const again = await checkInByHand(t, fresh.checkInOfferUri, dana, { display_name: 'Дана Әлиева' });
    expect(again.response.status).toBe(202);
    expect(again.response.body.transaction_id).toBe(transaction);

    const second = await checkInByHand(t, fresh.checkInOfferUri, aidar, { display_name: 'Айдар Серікұлы' });
    expect(second.response.status).toBe(202);
    // A token that checked one key in cannot check in another.
    const stolen = await credentialRequest(t, second.token!, other);
    expect(stolen.body).toMatchObject({ error: 'invalid_proof' });
    // Another wallet's token does not open Dana's transaction.
    expect((await deferred(t, second.token!, transaction)).body).toMatchObject({ error: 'invalid_transaction_id' });

    const list = (await t.api('GET', `/v1/events/${event.id}/check-ins`, { token: org.apiKey })).body.checkIns;
    expect(list.map((c: any) => [c.name, c.did, c.status])).toEqual([
      ['Дана Әлиева', dana.did, 'waiting'],
      ['Айдар Серікұлы', aidar.did, 'waiting'],
    ]);

    // One value for all, then an exception; confirm; confirming again changes nothing.
    const hours = await t.api('POST', `/v1/events/${event.id}/hours`, { token: org.apiKey, body: { hours: 4, role: 'volunteer', checkIns: [{ id: list[1].id, hours: 6, role: 'team lead' }] } });
    expect(hours.body.checkIns.map((c: any) => [c.hours, c.role])).toEqual([[4, 'volunteer'], [6, 'team lead']]);
    const confirmed = await t.api('POST', `/v1/events/${event.id}/confirm`, { token: org.apiKey, body: {} });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ confirmed: 2, event: { status: 'confirmed', checkIns: { confirmed: 2 } } });
    const replay = await t.api('POST', `/v1/events/${event.id}/confirm`, { token: org.apiKey, body: { hours: 1 } });
    expect(replay.body).toMatchObject({ confirmed: 0, event: { status: 'confirmed' } });
    expect(replay.body.checkIns.map((c: any) => c.hours)).toEqual([4, 6]);

    for (const [holder, token, txId, h] of [[dana, first.token!, transaction, 4], [aidar, second.token!, second.response.body.transaction_id, 6]] as const) {
      const got = await deferred(t, token, txId);
      expect(got.status).toBe(200);
      const jwt = got.body.credentials[0].credential as string;
      const verified = await verifyDidJwt(jwt, { dids, relationship: 'assertionMethod', expectedDid: org.did });
      expect(verified.payload.sub).toBe(holder.did);
      expect((verified.payload.vc as any).credentialSubject.activity).toMatchObject({ hours: h, name: { en: 'Irtysh bank clean-up' } });
    }
    // Fetching again (a lost response) gives the same credential, not a second one.
    const refetch = await deferred(t, first.token!, transaction);
    const ids = [refetch.body.credentials[0].credential].map((j: string) => decodeJwtParts(j).payload.jti);
    expect(ids[0]).toBe(confirmed.body.checkIns[0].credentialId);

    // The credentials are in the activities list like any other, and the audit names who confirmed.
    const activities = (await t.api('GET', '/v1/activities', { token: org.apiKey })).body;
    const names = (activities.items ?? activities.activities ?? []).filter((a: any) => a.activity?.name?.en === 'Irtysh bank clean-up').map((a: any) => [a.volunteer.name, a.status]);
    expect(names).toEqual(expect.arrayContaining([['Дана Әлиева', 'claimed'], ['Айдар Серікұлы', 'claimed']]));
    // And in the statistics, with their hours.
    const stats = (await t.api('GET', '/v1/stats', { token: ADMIN })).body;
    expect(stats.byProject.find((r: any) => r.project === 'Таза Ертіс')).toMatchObject({ hours: 10 });
    // The audit trail names who confirmed, and each person confirmed.
    const audit = (await t.api('GET', '/v1/audit', { token: ADMIN })).body;
    const entry = (audit.entries as any[]).find((e) => e.action === 'event.confirmed' && e.subject === event.id);
    expect(entry.actor).toBe(`key:${org.apiKeyId}`);
    expect(JSON.stringify(entry.detail)).toContain('Айдар Серікұлы');
    // Check-in has closed: the offer is gone.
    expect((await call(t.issuer.url, 'GET', offerUrlOf(fresh.checkInOfferUri))).status).toBe(410);
  });

  it('declines with a reason, lets a wallet cancel, and refuses hours missing at confirmation', async () => {
    const event = await createEvent(t, org);
    const [a, b, c] = [newHolder(), newHolder(), newHolder()];
    const ca = await checkInByHand(t, event.checkInOfferUri, a, { display_name: 'A' });
    const cb = await checkInByHand(t, (await t.api('GET', `/v1/events/${event.id}`, { token: org.apiKey })).body.checkInOfferUri, b, { display_name: 'B' });
    const cc = await checkInByHand(t, (await t.api('GET', `/v1/events/${event.id}`, { token: org.apiKey })).body.checkInOfferUri, c, { display_name: 'C' });
    const list = (await t.api('GET', `/v1/events/${event.id}/check-ins`, { token: org.apiKey })).body.checkIns;
    const noReason = await t.api('POST', `/v1/events/${event.id}/check-ins/${list[0].id}/decline`, { token: org.apiKey, body: {} });
    expect(noReason.body).toMatchObject({ status: 400, field: 'reason' });
    const declined = await t.api('POST', `/v1/events/${event.id}/check-ins/${list[0].id}/decline`, { token: org.apiKey, body: { reason: 'did not come' } });
    expect(declined.body).toMatchObject({ status: 'declined', reason: 'did not come' });
    const denied = await deferred(t, ca.token!, ca.response.body.transaction_id);
    expect(denied.body).toMatchObject({ error: 'credential_request_denied', check_in_status: 'declined', reason: 'did not come' });

    const cancelled = await t.api('POST', '/oid4vci/check-in/cancel', { token: cb.token!, body: { transaction_id: cb.response.body.transaction_id } });
    expect(cancelled.body).toEqual({ status: 'cancelled' });
    expect((await deferred(t, cb.token!, cb.response.body.transaction_id)).body).toMatchObject({ error: 'invalid_transaction_id', check_in_status: 'cancelled' });

    const missing = await t.api('POST', `/v1/events/${event.id}/confirm`, { token: org.apiKey, body: {} });
    expect(missing.body).toMatchObject({ status: 400, code: 'invalid_request' });
    const ok = await t.api('POST', `/v1/events/${event.id}/confirm`, { token: org.apiKey, body: { checkIns: [{ id: list[2].id, hours: 2 }] } });
    expect(ok.body).toMatchObject({ confirmed: 1 });
    expect((await deferred(t, cc.token!, cc.response.body.transaction_id)).status).toBe(200);
    // A declined check-in cannot be cancelled or confirmed afterwards.
    expect((await t.api('POST', '/oid4vci/check-in/cancel', { token: ca.token!, body: { transaction_id: ca.response.body.transaction_id } })).status).toBe(409);
  });

  it('refuses a rotating code once its window has passed, and a made-up one', async () => {
    const event = await createEvent(t, org);
    const url = offerUrlOf(event.checkInOfferUri);
    expect((await call(t.issuer.url, 'GET', url)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2_100));
    const old = await call(t.issuer.url, 'GET', url);
    expect(old.status).toBe(410);
    const current = (await t.api('GET', `/v1/events/${event.id}`, { token: org.apiKey })).body;
    expect((await call(t.issuer.url, 'GET', offerUrlOf(current.checkInOfferUri))).status).toBe(200);
    const forged = url.replace(/\.([^.]+)$/, '.AAAA');
    expect((await call(t.issuer.url, 'GET', forged)).status).toBe(404);
    // The printed code works on the event's day.
    const printed = (await t.api('GET', `/v1/events/${event.id}/printed-offer`, { token: org.apiKey })).body;
    expect((await call(t.issuer.url, 'GET', offerUrlOf(printed.offerUri))).status).toBe(200);
  });
});

describe('an expired check-in', () => {
  it('answers invalid_transaction_id once its deferred transaction has expired', async () => {
    const short = await startIssuer({ CHECK_IN_TRANSACTION_SECONDS: '1' });
    try {
      const o = await short.accredit('events-expiry');
      const event = await createEvent(short, o);
      const holder = newHolder();
      const { response, token } = await checkInByHand(short, event.checkInOfferUri, holder);
      expect(response.status).toBe(202);
      await new Promise((r) => setTimeout(r, 1_200));
      const expired = await deferred(short, token!, response.body.transaction_id);
      expect(expired.body).toMatchObject({ error: 'invalid_transaction_id', check_in_status: 'expired' });
      const list = (await short.api('GET', `/v1/events/${event.id}/check-ins`, { token: o.apiKey })).body.checkIns;
      expect(list[0].status).toBe('expired');
    } finally {
      await short.issuer.stop();
    }
  }, 60_000);
});

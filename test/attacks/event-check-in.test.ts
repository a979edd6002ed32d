import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, checkInByHand, createEvent, deferred, newHolder, offerUrlOf, PRE_AUTH, recordOne, startIssuer, accessTokenFor, type IssuerUnderTest, type Organization } from '../issuer/events/setup.ts';

// Event check-ins under attack (issue 12): codes made up or replayed, another organization's
// event, tokens of one flow used in the other, a stolen transaction id, and the bearer secrets of
// check-ins in the issuer's log.
describe('event check-ins under attack', () => {
  let t: IssuerUnderTest;
  let org: Organization;
  let other: Organization;

  beforeAll(async () => {
    t = await startIssuer();
    org = await t.accredit('events-attacked');
    other = await t.accredit('events-nosy');
  }, 60_000);
  afterAll(() => t?.issuer.stop());

  it('a check-in code with a tampered event, window or mac is not an offer', async () => {
    const event = await createEvent(t, org);
    const url = offerUrlOf(event.checkInOfferUri);
    const [, code] = url.split('/oid4vci/check-in/') as [string, string];
    const [id, window, mac] = code.split('.') as [string, string, string];
    const other = await createEvent(t, org);
    for (const forged of [`${other.id}.${window}.${mac}`, `${id}.${Number(window) + 5}.${mac}`, `${id}.p.${mac}`, `${id}.${window}`, `${id}.${window}.${mac}x`]) {
      expect((await call(t.issuer.url, 'GET', `/oid4vci/check-in/${forged}`)).status, forged).toBe(404);
    }
  });

  it('a check-in’s pre-authorized code works once', async () => {
    const event = await createEvent(t, org);
    const offer = await call(t.issuer.url, 'GET', offerUrlOf(event.checkInOfferUri));
    const code = offer.body.grants[PRE_AUTH]['pre-authorized_code'];
    const form = { raw: new URLSearchParams({ grant_type: PRE_AUTH, 'pre-authorized_code': code }).toString(), type: 'application/x-www-form-urlencoded' };
    expect((await t.api('POST', '/oid4vci/token', form)).status).toBe(200);
    expect((await t.api('POST', '/oid4vci/token', form)).body).toMatchObject({ error: 'invalid_grant' });
  });

  it('another organization neither sees, nor confirms, nor declines at an event', async () => {
    const event = await createEvent(t, org);
    const { response } = await checkInByHand(t, event.checkInOfferUri, newHolder(), { display_name: 'Дана' });
    expect(response.status).toBe(202);
    const checkIn = (await t.api('GET', `/v1/events/${event.id}/check-ins`, { token: org.apiKey })).body.checkIns[0];
    for (const [method, path, body] of [
      ['GET', `/v1/events/${event.id}`, undefined],
      ['GET', `/v1/events/${event.id}/check-ins`, undefined],
      ['POST', `/v1/events/${event.id}/confirm`, { hours: 3 }],
      ['POST', `/v1/events/${event.id}/hours`, { hours: 3 }],
      ['POST', `/v1/events/${event.id}/check-ins/${checkIn.id}/decline`, { reason: 'x' }],
      ['GET', `/v1/events/${event.id}/check-in.png`, undefined],
    ] as const) {
      expect((await t.api(method, path, { token: other.apiKey, body })).status, path).toBe(404);
    }
    expect((await t.api('GET', `/v1/events/${event.id}/check-ins`, { token: org.apiKey })).body.checkIns[0].status).toBe('waiting');
  });

  it('an activity offer’s access token opens no check-in transaction, and a check-in token opens no other transaction', async () => {
    const event = await createEvent(t, org);
    const checkedIn = await checkInByHand(t, event.checkInOfferUri, newHolder());
    const { offerUri } = await recordOne(t, org);
    const activityToken = await accessTokenFor(t, offerUri);
    expect((await deferred(t, activityToken, checkedIn.response.body.transaction_id)).body).toMatchObject({ error: 'invalid_token' });
    expect((await t.api('POST', '/oid4vci/check-in/cancel', { token: activityToken, body: { transaction_id: checkedIn.response.body.transaction_id } })).body).toMatchObject({ error: 'invalid_token' });
    // A check-in token answers only its own transaction.
    expect((await deferred(t, checkedIn.token!, 'made-up-transaction')).body).toMatchObject({ error: 'invalid_transaction_id' });
  });

  it('a display name with control characters is refused, not stored', async () => {
    const event = await createEvent(t, org);
    const { response } = await checkInByHand(t, event.checkInOfferUri, newHolder(), { display_name: 'Дана\u0000<script>' });
    expect(response.body).toMatchObject({ error: 'invalid_credential_request', field: 'display_name' });
    expect((await t.api('GET', `/v1/events/${event.id}/check-ins`, { token: org.apiKey })).body.checkIns).toEqual([]);
  });

  it('check-in codes, access tokens and transaction ids never reach the issuer’s log', async () => {
    const event = await createEvent(t, org);
    const { response, token } = await checkInByHand(t, event.checkInOfferUri, newHolder());
    await deferred(t, token!, response.body.transaction_id);
    await call(t.issuer.url, 'GET', offerUrlOf(event.checkInOfferUri));
    const log = t.issuer.output();
    expect(log).not.toContain(token!);
    expect(log).not.toContain(response.body.transaction_id);
    expect(log).not.toContain(offerUrlOf(event.checkInOfferUri).split('.').pop()!);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaffIssuer, type StaffContext } from './setup.ts';

/**
 * Links and sessions that end with time, on an issuer configured with short lifetimes
 * (STAFF_INVITATION_SECONDS, STAFF_SESSION_IDLE_SECONDS) instead of 7 days and 1 day.
 */
let ctx: StaffContext;
const IDLE_SECONDS = 3;

beforeAll(async () => {
  ctx = await startStaffIssuer('expiry', { STAFF_INVITATION_SECONDS: '2', STAFF_SESSION_IDLE_SECONDS: String(IDLE_SECONDS) });
});
afterAll(() => ctx?.issuer.stop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('invitations', () => {
  it('an expired link cannot be accepted, and a reset gives a fresh one', async () => {
    const invited = await ctx.invite(ctx.admin, 'registry', 'member', 'Late Comer');
    const expiresAt = Date.parse(invited.body.expiresAt);
    await sleep(Math.max(0, expiresAt - Date.now()) + 200);
    const late = await ctx.accept(invited.link, 'late@example.kz');
    expect(late.body).toMatchObject({ status: 410, code: 'gone', reason: 'expired' });
    expect((await ctx.api('GET', `/v1/staff/invitations/${invited.link}`)).body).toMatchObject({ status: 410, reason: 'expired' });

    const reset = await ctx.api('POST', `/v1/staff/${invited.body.staffId}/reset`, { token: ctx.admin });
    expect(reset.status).toBe(201);
    const fresh = new URL(reset.body.invitationUrl).hash.slice(1);
    expect((await ctx.accept(fresh, 'late@example.kz')).status).toBe(201);
    // The expired link was replaced: it is unknown now, not merely expired.
    expect((await ctx.accept(invited.link, 'late@example.kz')).body).toMatchObject({ status: 404 });
  });
});

describe('sessions', () => {
  it('last while used, and end after the idle time without a request', async () => {
    const token = await ctx.signIn('late@example.kz');
    const started = Date.now();
    // Used every half second for longer than the idle time: still signed in.
    while (Date.now() - started < (IDLE_SECONDS + 1) * 1000) {
      expect((await ctx.api('GET', '/v1/staff/me', { token })).status).toBe(200);
      await sleep(500);
    }
    await sleep(IDLE_SECONDS * 1000 + 500);
    expect((await ctx.api('GET', '/v1/staff/me', { token })).body).toMatchObject({ status: 401, code: 'unauthorized' });
    expect((await ctx.api('GET', '/v1/staff/me', { headers: { cookie: `passport_staff=${token}` } })).status).toBe(401);
  });
});

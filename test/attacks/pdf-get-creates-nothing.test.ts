import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Passport, type Volunteer } from '../wallet/api/setup.ts';

/**
 * `GET /v1/passport.pdf` used to mint a new 90-day public share link on every GET: any page
 * could trigger it cross-site (an <img> with the cookie), without limit. A GET must change
 * nothing; the PDF prints a share the volunteer made.
 */
let passport: Passport;
let dana: Volunteer;

beforeAll(async () => {
  passport = await Passport.start();
  const eco = await passport.accredit('eco-qyran');
  dana = await passport.volunteer('dana');
  const recorded = await passport.record(eco);
  expect((await passport.claim(dana, recorded.offerUri)).status).toBe(201);
}, 120_000);
afterAll(async () => {
  await passport?.stop();
});

describe('pdf GET creates nothing', () => {
  it('prints the passport three times, by bearer and by cookie, and leaves the shares as they were', async () => {
    const shares = async () => (await passport.walletApi('GET', '/v1/shares', { token: dana.token })).body.shares as unknown[];
    expect(await shares()).toEqual([]);
    const asCookie = { headers: { cookie: `passport_session=${dana.token}`, 'sec-fetch-site': 'cross-site' } };
    for (const options of [{ token: dana.token }, asCookie]) {
      const res = await passport.walletApi('GET', '/v1/passport.pdf?lang=en', options);
      expect(res.status).toBe(200);
      expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
    await passport.walletApi('GET', '/v1/passport.pdf?lang=kk', { token: dana.token });
    expect(await shares()).toEqual([]);
  });
});

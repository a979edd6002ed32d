import { createHash, randomBytes } from 'node:crypto';
import { CompactSign } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentIdentity } from '../../wallet/presentations/identity.ts';
import { signPresentation } from '../../wallet/presentations/vp.ts';
import { call } from '../helpers/http.ts';
import { iinFor } from '../helpers/iin.ts';
import { startService, type StartedService } from '../helpers/services.ts';
import { accessTokenFor, activity, freshNonce, newHolder, proofJwt, startIssuer, type Holder, type IssuerUnderTest, type Organization } from '../issuer/issuance/setup.ts';

/**
 * Answers to an employer's request for the IIN, made by hand as a dishonest or careless wallet
 * would make them, against a real issuer and verifier: each must fail, and say why, in checks the
 * employer's page shows. One named test per reproduction.
 */
let t: IssuerUnderTest;
let verifier: StartedService;
let org: Organization;
const IIN = iinFor('99010130012');
const OTHER_IIN = iinFor('88020240023');

interface Claimed {
  holder: Holder;
  vc: string;
  sdJwt: string;
  activityId: string;
}

interface Request {
  id: string;
  readToken: string;
  nonce: string;
  clientId: string;
  responseUri: string;
}

async function claimBoth(iin: string | undefined, holder = newHolder()): Promise<Claimed> {
  const recorded = await t.api('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name: 'Дана Серікқызы', ...(iin ? { iin } : {}) }, activity: activity() } });
  const token = await accessTokenFor(t, recorded.body.offerUri);
  const fetchOne = async (configuration: string) => {
    const proof = await proofJwt(holder, { aud: t.issuer.url, nonce: await freshNonce(t) });
    const res = await t.api('POST', '/oid4vci/credential', { token, body: { credential_configuration_id: configuration, proofs: { jwt: [proof] } } });
    expect(res.status, res.text).toBe(200);
    return res.body.credentials[0].credential as string;
  };
  return { holder, vc: await fetchOne('VolunteerActivityCredential'), sdJwt: await fetchOne('VolunteerActivitySdJwt'), activityId: recorded.body.id };
}

async function newRequest(iin = IIN): Promise<Request> {
  const created = await call(verifier.url, 'POST', '/v1/requests', { body: { iin } });
  const object = await call(verifier.url, 'GET', new URL(decodeURIComponent(created.body.requestUri.split('request_uri=')[1])).pathname);
  const payload = JSON.parse(Buffer.from(object.text.split('.')[1]!, 'base64url').toString());
  return { id: created.body.id, readToken: created.body.readToken, nonce: payload.nonce, clientId: payload.client_id, responseUri: payload.response_uri };
}

async function vpFor(c: Claimed, r: Request): Promise<string> {
  const now = new Date();
  return signPresentation(c.holder, [c.vc], { now, expiresAt: new Date(now.getTime() + 300_000), nonce: r.nonce, audience: r.clientId });
}

function identityFor(c: Claimed, r: Request, claims: ('name' | 'iin')[] = ['name', 'iin']): Promise<string> {
  return presentIdentity(c.sdJwt, claims, c.holder, { nonce: r.nonce, audience: r.clientId, now: new Date() });
}

async function answer(r: Request, vpToken: Record<string, unknown>) {
  return call(verifier.url, 'POST', r.responseUri, { raw: new URLSearchParams({ vp_token: JSON.stringify(vpToken), state: r.id }).toString(), type: 'application/x-www-form-urlencoded' });
}

async function resultOf(r: Request): Promise<{ verified: boolean; checks: { id: string; valid: boolean; outcome: string; error?: { code: string }; matched?: boolean }[] }> {
  const read = () => call(verifier.url, 'GET', `/v1/requests/${r.id}`, { token: r.readToken });
  let outcome = await read();
  for (let i = 0; i < 100 && outcome.body.status === 'pending'; i++) {
    await new Promise((done) => setTimeout(done, 100));
    outcome = await read();
  }
  expect(outcome.text).not.toContain(IIN);
  expect(outcome.text).not.toContain(OTHER_IIN);
  return outcome.body.result;
}

const check = (result: Awaited<ReturnType<typeof resultOf>>, id: string) => result.checks.find((c) => c.id === id)!;

/** A Key Binding JWT the holder signs over whatever `withoutKb` it is given. */
async function keyBinding(holder: Holder, withoutKb: string, r: Request): Promise<string> {
  const payload = { iat: Math.floor(Date.now() / 1000), aud: r.clientId, nonce: r.nonce, sd_hash: createHash('sha256').update(withoutKb).digest('base64url') };
  return new CompactSign(Buffer.from(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ: 'kb+jwt' }).sign(holder.key);
}

function disclosureOf(presentation: string, claim: string): string {
  return presentation.split('~').slice(1, -1).find((d) => JSON.parse(Buffer.from(d, 'base64url').toString())[1] === claim)!;
}

beforeAll(async () => {
  t = await startIssuer();
  verifier = await startService('verifier', { env: { ISSUER_URL: t.issuer.url, VERIFIER_CACHE_SECONDS: '0' } });
  org = await t.accredit('eco-qyran');
}, 60_000);
afterAll(async () => {
  await Promise.all([verifier?.stop(), t?.issuer.stop()]);
});

describe('attacks on the IIN of an OpenID4VP answer', () => {
  it('an honest answer made by hand with the library matches: the baseline the attacks below depart from', async () => {
    const c = await claimBoth(IIN);
    const r = await newRequest();
    expect((await answer(r, { volunteer_activity: [await vpFor(c, r)], volunteer_identity: [await identityFor(c, r)] })).status).toBe(200);
    const result = await resultOf(r);
    expect(result.verified).toBe(true);
    expect(check(result, 'identity')).toMatchObject({ outcome: 'passed', matched: true });
  });

  it('an answer that withholds the IIN (only the name disclosed) does not match', async () => {
    const c = await claimBoth(IIN);
    const r = await newRequest();
    await answer(r, { volunteer_activity: [await vpFor(c, r)], volunteer_identity: [await identityFor(c, r, ['name'])] });
    const result = await resultOf(r);
    expect(result.verified).toBe(false);
    expect(check(result, 'identity')).toMatchObject({ valid: false, matched: false, error: { code: 'iin_not_disclosed' } });
  });

  it('an answer with no SD-JWT VC at all to a request for the IIN does not match', async () => {
    const c = await claimBoth(IIN);
    const r = await newRequest();
    await answer(r, { volunteer_activity: [await vpFor(c, r)] });
    expect(check(await resultOf(r), 'identity')).toMatchObject({ valid: false, matched: false, error: { code: 'identity_not_presented' } });
  });

  it('a credential of a volunteer whose organization recorded no IIN cannot answer for one', async () => {
    const c = await claimBoth(undefined);
    const r = await newRequest();
    await answer(r, { volunteer_activity: [await vpFor(c, r)], volunteer_identity: [await identityFor(c, r)] });
    expect(check(await resultOf(r), 'identity')).toMatchObject({ valid: false, error: { code: 'iin_not_disclosed' } });
  });

  it('a tampered disclosure (the IIN the employer typed, in a disclosure the holder made up) is caught by its digest', async () => {
    const c = await claimBoth(IIN);
    const r = await newRequest(OTHER_IIN);
    const honest = await identityFor(c, r);
    const forged = Buffer.from(JSON.stringify([randomBytes(16).toString('base64url'), 'iin', OTHER_IIN])).toString('base64url');
    const withoutKb = honest.slice(0, honest.lastIndexOf('~') + 1).replace(disclosureOf(honest, 'iin'), forged);
    // The holder signs the changed selection, so only the issuer's digests can tell.
    await answer(r, { volunteer_activity: [await vpFor(c, r)], volunteer_identity: [withoutKb + (await keyBinding(c.holder, withoutKb, r))] });
    const result = await resultOf(r);
    expect(check(result, 'format')).toMatchObject({ valid: false, error: { code: 'disclosure_not_signed' } });
    expect(check(result, 'identity')).toMatchObject({ valid: false, matched: false, error: { code: 'identity_unproven' } });
  });

  it('an SD-JWT VC without its Key Binding JWT is a bearer token and proves nobody', async () => {
    const c = await claimBoth(IIN);
    const r = await newRequest();
    const honest = await identityFor(c, r);
    await answer(r, { volunteer_activity: [await vpFor(c, r)], volunteer_identity: [honest.slice(0, honest.lastIndexOf('~') + 1)] });
    const result = await resultOf(r);
    expect(check(result, 'holder_binding')).toMatchObject({ valid: false, error: { code: 'key_binding_missing' } });
    expect(check(result, 'identity')).toMatchObject({ valid: false, error: { code: 'identity_unproven' } });
  });

  it('a presentation made for another request (its nonce replayed) does not answer this one', async () => {
    const c = await claimBoth(IIN);
    const first = await newRequest();
    const captured = await identityFor(c, first);
    expect((await answer(first, { volunteer_activity: [await vpFor(c, first)], volunteer_identity: [captured] })).status).toBe(200);
    // The same answer again: a request takes one.
    expect((await answer(first, { volunteer_activity: [await vpFor(c, first)], volunteer_identity: [captured] })).status).toBe(409);
    const second = await newRequest();
    await answer(second, { volunteer_activity: [await vpFor(c, second)], volunteer_identity: [captured] });
    const result = await resultOf(second);
    expect(check(result, 'challenge')).toMatchObject({ valid: false, error: { code: 'nonce_mismatch' } });
    expect(check(result, 'identity')).toMatchObject({ valid: false, error: { code: 'identity_unproven' } });
  });

  it('a Key Binding JWT over other disclosures than those presented (a disclosure dropped after signing) fails its sd_hash', async () => {
    const c = await claimBoth(IIN);
    const r = await newRequest();
    const honest = await identityFor(c, r);
    await answer(r, { volunteer_activity: [await vpFor(c, r)], volunteer_identity: [honest.replace(`${disclosureOf(honest, 'name')}~`, '')] });
    expect(check(await resultOf(r), 'holder_binding')).toMatchObject({ valid: false, error: { code: 'sd_hash_mismatch' } });
  });

  it("an IIN lent by someone else (their SD-JWT VC and key binding, another holder's activities) is not the presenter's", async () => {
    const lender = await claimBoth(IIN);
    const borrower = await claimBoth(undefined);
    const r = await newRequest();
    await answer(r, { volunteer_activity: [await vpFor(borrower, r)], volunteer_identity: [await identityFor(lender, r)] });
    const result = await resultOf(r);
    expect(check(result, 'holder_binding')).toMatchObject({ valid: false, error: { code: 'identity_other_holder' } });
    expect(check(result, 'identity')).toMatchObject({ valid: false, error: { code: 'identity_unproven' } });
  });

  it('a revoked SD-JWT VC (its activity revoked: one status bit for both formats) proves no IIN', async () => {
    const c = await claimBoth(IIN);
    expect((await t.api('POST', `/v1/credentials/${c.activityId}/revoke`, { token: org.apiKey, body: { reason: 'test' } })).status).toBe(200);
    const r = await newRequest();
    await answer(r, { volunteer_activity: [await vpFor(c, r)], volunteer_identity: [await identityFor(c, r)] });
    const result = await resultOf(r);
    expect(check(result, 'not_revoked')).toMatchObject({ valid: false, error: { code: 'revoked' } });
    expect(check(result, 'identity')).toMatchObject({ valid: false, error: { code: 'identity_unproven' } });
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type StartedService } from '../../helpers/services.ts';
import { iinFor } from '../../helpers/iin.ts';
import { activity, call, Passport, type Organization, type Volunteer } from '../../wallet/api/setup.ts';

/**
 * The IIN travels end to end between real services: an organization records it, our wallet claims
 * the activity in both formats with one access token, an employer's request asks for it, the
 * wallet shows what it will disclose and answers, and the verifier says whether it matches,
 * keeping nothing of the IIN but that verdict.
 */
let passport: Passport;
let verifier: StartedService;
let org: Organization;
let dana: Volunteer;
let withIin: string;
let withoutIin: string;
const IIN = iinFor('99010130012');

const verifierApi = (method: string, path: string, options: Parameters<typeof call>[3] = {}) => call(verifier.url, method, path, options);
const wallet = (path: string, body: unknown) => passport.walletApi('POST', path, { token: dana.token, body });

async function outcomeOf(request: { id: string; readToken: string }) {
  const read = () => verifierApi('GET', `/v1/requests/${request.id}`, { token: request.readToken });
  let outcome = await read();
  for (let i = 0; i < 100 && outcome.body.status === 'pending'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    outcome = await read();
  }
  return outcome;
}

const check = (result: { checks: { id: string }[] }, id: string) => result.checks.find((c) => c.id === id) as Record<string, any>;

beforeAll(async () => {
  passport = await Passport.start();
  verifier = await startService('verifier', { env: { ISSUER_URL: passport.issuer.url, VERIFIER_CACHE_SECONDS: '0' } });
  org = await passport.accredit('eco-qyran');
  dana = await passport.volunteer('dana-iin');
  const recorded = await passport.issuerApi('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name: 'Дана Серікқызы', iin: IIN }, activity: activity() } });
  const claimed = await passport.claim(dana, recorded.body.offerUri);
  expect(claimed.status, claimed.text).toBe(201);
  expect(claimed.body.warnings, JSON.stringify(claimed.body.warnings)).toBeUndefined();
  withIin = claimed.body.id;
  const plain = await passport.record(org, { hours: 3, category: 'social' });
  withoutIin = (await passport.claim(dana, plain.offerUri)).body.id;
}, 120_000);
afterAll(async () => {
  await Promise.all([passport?.stop(), verifier?.stop()]);
});

describe('the IIN from organization to employer', () => {
  it('claims both formats of an offered activity and keeps them as one item', async () => {
    const list = await passport.walletApi('GET', '/v1/credentials', { token: dana.token });
    const items = list.body.credentials ?? list.body;
    expect(items.find((c: { id: string }) => c.id === withIin).selectiveDisclosure).toEqual({ claims: ['name', 'iin'] });
    expect(items.find((c: { id: string }) => c.id === withoutIin).selectiveDisclosure).toEqual({ claims: ['name'] });
    expect(items).toHaveLength(2);
    // Sealed at rest: the wallet's files never hold the IIN in the clear.
    for (const file of filesUnder(passport.wallet.dataDir)) expect(readFileSync(file).includes(IIN), file).toBe(false);
  });

  it('shows the volunteer exactly what will be disclosed and to whom, then the verifier finds the IIN matches', async () => {
    const request = (await verifierApi('POST', '/v1/requests', { body: { purpose: 'Hiring: volunteer coordinator', iin: IIN } })).body;
    const object = await call(verifier.url, 'GET', new URL(decodeURIComponent(request.requestUri.split('request_uri=')[1])).pathname);
    const [, payload] = object.text.split('.');
    const dcql = JSON.parse(Buffer.from(payload!, 'base64url').toString()).dcql_query;
    expect(dcql.credentials[1]).toEqual({
      id: 'volunteer_identity',
      format: 'dc+sd-jwt',
      meta: { vct_values: [`${passport.issuer.url}/vct/volunteer-activity/v1`] },
      claims: [{ id: 'name', path: ['name'] }, { id: 'iin', path: ['iin'] }],
    });
    expect(object.text).not.toContain(IIN);

    const shown = await wallet('/v1/presentations/requests', { requestUri: request.requestUri });
    expect(shown.status, shown.text).toBe(200);
    expect(shown.body.disclosure).toEqual({
      queryId: 'volunteer_identity',
      claims: [
        { claim: 'name', value: 'Дана Серікқызы' },
        { claim: 'iin', value: IIN },
      ],
      credentialId: withIin,
      activityName: { kk: 'Ағаш отырғызу', ru: 'Посадка деревьев', en: 'Tree planting' },
      missing: [],
    });
    expect(shown.body.responseUri).toBe(`${verifier.url}/oid4vp/responses/${request.id}`);

    const sent = await wallet('/v1/presentations/respond', { requestUri: request.requestUri, credentialIds: [withIin, withoutIin] });
    expect(sent.status, sent.text).toBe(200);
    const outcome = await outcomeOf(request);
    expect(outcome.body.status, outcome.text).toBe('verified');
    const result = outcome.body.result;
    expect(check(result, 'identity')).toMatchObject({ valid: true, outcome: 'passed', matched: true });
    expect(check(result, 'holder_binding')).toMatchObject({ valid: true, outcome: 'passed' });
    expect(result.totals).toMatchObject({ hours: 21.5, credentials: 2 });
    const identity = result.credentials.find((c: { securing: string }) => c.securing === 'dc+sd-jwt');
    expect(identity.subject).toEqual({ did: dana.did, name: 'Дана Серікқызы' });
    expect(outcome.body.asksIin).toBe(true);
    // Nothing of the IIN is kept: not in the result, not in the verifier's files, not in its log.
    expect(outcome.text).not.toContain(IIN);
    for (const file of filesUnder(verifier.dataDir)) expect(readFileSync(file).includes(IIN), file).toBe(false);
    expect(verifier.output()).not.toContain(IIN);
    expect(passport.wallet.output()).not.toContain(IIN);
  });

  it('says the IIN does not match when the employer typed another', async () => {
    const request = (await verifierApi('POST', '/v1/requests', { body: { iin: iinFor('88020240023') } })).body;
    expect((await wallet('/v1/presentations/respond', { requestUri: request.requestUri, credentialIds: [withIin] })).status).toBe(200);
    const outcome = await outcomeOf(request);
    expect(outcome.body.status).toBe('failed');
    expect(check(outcome.body.result, 'identity')).toMatchObject({ valid: false, outcome: 'failed', matched: false, error: { code: 'iin_mismatch' } });
    // The activities stay proven hours of their holder.
    expect(outcome.body.result.totals.hours).toBe(18.5);
    expect(outcome.text).not.toContain(IIN);
  });

  it('does not ask for the IIN unless the employer typed one', async () => {
    const request = (await verifierApi('POST', '/v1/requests', { body: {} })).body;
    expect((await wallet('/v1/presentations/requests', { requestUri: request.requestUri })).body.disclosure).toBeNull();
    expect((await wallet('/v1/presentations/respond', { requestUri: request.requestUri, credentialIds: [withIin] })).status).toBe(200);
    const outcome = await outcomeOf(request);
    expect(outcome.body.status).toBe('verified');
    expect(check(outcome.body.result, 'identity')).toMatchObject({ valid: true, outcome: 'not_applicable' });
    expect(outcome.body.result.credentials.every((c: { securing: string }) => c.securing === 'jwt_vc_json')).toBe(true);
  });

  it('refuses an IIN that is not one when the request is made', async () => {
    const res = await verifierApi('POST', '/v1/requests', { body: { iin: '990101300120' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request', field: 'iin' });
    expect(res.text).not.toContain('990101300120');
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

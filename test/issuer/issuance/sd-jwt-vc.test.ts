import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TypeMetadataFormatSchema } from '@sd-jwt/sd-jwt-vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwtParts } from '../../../shared/jwt/index.ts';
import { readTokenStatusList } from '../../../shared/status-list/index.ts';
import { iinFor, withWrongCheckDigit } from '../../helpers/iin.ts';
import { libraryVerifier, splitSdJwt } from '../../helpers/sd-jwt.ts';
import { accessTokenFor, activity, freshNonce, newHolder, proofJwt, startIssuer, type Holder, type IssuerUnderTest, type Organization } from './setup.ts';

/**
 * The SD-JWT VC configuration over OpenID4VCI 1.0, against a real issuer: the IIN an organization
 * records (checked, sealed, masked), both formats of one activity for one access token, and the
 * SD-JWT VC read back by the SD-JWT library itself (signature, disclosures, status list).
 */
let t: IssuerUnderTest;
let org: Organization;
const IIN = iinFor('99010130012');
const request = (configuration: string, jwt: string) => ({ credential_configuration_id: configuration, proofs: { jwt: [jwt] } });

beforeAll(async () => {
  t = await startIssuer();
  org = await t.accredit('iin-org');
}, 60_000);
afterAll(() => t?.issuer.stop());

async function record(volunteer: Record<string, unknown>): Promise<{ id: string; offerUri: string }> {
  const res = await t.api('POST', '/v1/activities', { token: org.apiKey, body: { volunteer, activity: activity() } });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function ask(token: string, configuration: string, holder: Holder, extra: { jwk?: boolean } = {}) {
  const nonce = await freshNonce(t);
  const jwt = extra.jwk ? await jwkProof(holder, nonce) : await proofJwt(holder, { aud: t.issuer.url, nonce });
  return t.api('POST', '/oid4vci/credential', { token, body: request(configuration, jwt) });
}

async function jwkProof(holder: Holder, nonce: string): Promise<string> {
  const { CompactSign } = await import('jose');
  const { createPublicKey } = await import('node:crypto');
  const jwk = createPublicKey(holder.key).export({ format: 'jwk' });
  const payload = { aud: t.issuer.url, iat: Math.floor(Date.now() / 1000), nonce };
  return new CompactSign(Buffer.from(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ: 'openid4vci-proof+jwt', jwk }).sign(holder.key);
}

describe('the IIN an organization records', () => {
  it('refuses an IIN that is not 12 digits or whose check digit is wrong, without repeating it', async () => {
    for (const iin of ['12345', '9901013001200', withWrongCheckDigit(IIN), 990101300120]) {
      const res = await t.api('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name: 'Дана', iin }, activity: activity() } });
      expect(res.status, String(iin)).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid_request', field: 'volunteer.iin' });
      expect(res.text).not.toContain(String(iin));
    }
  });

  it('keeps it sealed: shown masked in lists, in no file of the data directory and in no log line', async () => {
    const { id } = await record({ name: 'Дана Серікқызы', iin: IIN });
    const one = await t.api('GET', `/v1/activities/${id}`, { token: org.apiKey });
    expect(one.body.volunteer).toEqual({ name: 'Дана Серікқызы', iinMasked: `••••••••${IIN.slice(-4)}` });
    const list = await t.api('GET', '/v1/activities', { token: org.apiKey });
    expect(list.text).not.toContain(IIN);
    expect(list.body.items.find((a: { id: string }) => a.id === id).volunteer.iinMasked).toBe(`••••••••${IIN.slice(-4)}`);
    for (const file of filesUnder(t.issuer.dataDir)) expect(readFileSync(file).includes(IIN), file).toBe(false);
    expect(t.issuer.output()).not.toContain(IIN);
  });

  it('tells a replay from a different IIN under one idempotency key', async () => {
    const body = (iin: string) => ({ volunteer: { name: 'Ерлан', iin }, activity: activity(), idempotencyKey: 'iin-replay-1' });
    const first = await t.api('POST', '/v1/activities', { token: org.apiKey, body: body(IIN) });
    const replay = await t.api('POST', '/v1/activities', { token: org.apiKey, body: body(IIN) });
    expect(replay.body.id).toBe(first.body.id);
    const other = await t.api('POST', '/v1/activities', { token: org.apiKey, body: body(iinFor('88020240023')) });
    expect(other.body).toMatchObject({ status: 409, code: 'conflict' });
  });
});

describe('the SD-JWT VC configuration', () => {
  it('is in the metadata, and its vct serves type metadata the SD-JWT library accepts', async () => {
    const metadata = await t.api('GET', '/.well-known/openid-credential-issuer');
    const vct = `${t.issuer.url}/vct/volunteer-activity/v1`;
    expect(metadata.body.credential_configurations_supported.VolunteerActivitySdJwt).toMatchObject({
      format: 'dc+sd-jwt',
      vct,
      cryptographic_binding_methods_supported: ['jwk'],
      credential_signing_alg_values_supported: ['EdDSA'],
    });
    const type = await t.api('GET', '/vct/volunteer-activity/v1');
    expect(type.status).toBe(200);
    const parsed = TypeMetadataFormatSchema.safeParse(type.body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(type.body.vct).toBe(vct);
    expect(type.body.claims.filter((c: { sd: string }) => c.sd === 'always').map((c: { path: string[] }) => c.path)).toEqual([['name'], ['iin']]);
    expect(type.body.display.map((d: { locale: string }) => d.locale)).toEqual(['kk', 'ru', 'en']);
  });

  it('issues both formats of one activity for one access token, bound to one key, sharing one status bit', async () => {
    const { id, offerUri } = await record({ name: 'Дана Серікқызы', iin: IIN });
    const offer = await t.api('GET', new URL(decodeURIComponent(offerUri.split('credential_offer_uri=')[1]!)).pathname);
    expect(offer.body.credential_configuration_ids).toEqual(['VolunteerActivityCredential', 'VolunteerActivitySdJwt']);
    const token = await accessTokenFor(t, offerUri);
    const holder = newHolder();

    const vc = await ask(token, 'VolunteerActivityCredential', holder);
    expect(vc.status, vc.text).toBe(200);
    const sd = await ask(token, 'VolunteerActivitySdJwt', holder);
    expect(sd.status, sd.text).toBe(200);
    const sdJwt: string = sd.body.credentials[0].credential;

    const { header, payload, disclosures } = splitSdJwt(sdJwt);
    expect(header).toMatchObject({ typ: 'dc+sd-jwt', alg: 'EdDSA', kid: `${org.did}#key-1` });
    expect(payload).toMatchObject({ iss: org.did, vct: `${t.issuer.url}/vct/volunteer-activity/v1`, _sd_alg: 'sha-256', cnf: { jwk: { kty: 'OKP', crv: 'Ed25519' } } });
    // The name and the IIN only as digests; the activity in the clear; decoys so that the count tells nothing.
    expect(payload.name).toBeUndefined();
    expect(payload.iin).toBeUndefined();
    expect(payload._sd).toHaveLength(3);
    expect(payload.activity).toMatchObject({ category: 'ecology', hours: 18.5 });
    expect(disclosures.map((d) => d[1]).sort()).toEqual(['iin', 'name']);
    expect(payload.jti).toBeUndefined();

    // The same status bit as the VC-JWT of the activity.
    const status = (decodeJwtParts(vc.body.credentials[0].credential).payload.vc as any).credentialStatus;
    expect(payload.status.status_list).toEqual({ idx: Number(status.statusListIndex), uri: status.statusListCredential });

    // The SD-JWT library verifies it on its own: signature, disclosures, the Token Status List.
    const verifier = await libraryVerifier(`${t.issuer.url}/orgs/${org.id}/did.json`);
    const verified = await verifier.verify(sdJwt);
    expect(verified.payload).toMatchObject({ name: 'Дана Серікқызы', iin: IIN, activity: { hours: 18.5 } });

    // A token fetches each configuration once.
    expect((await ask(token, 'VolunteerActivitySdJwt', holder)).body).toMatchObject({ status: 403, error: 'credential_request_denied' });
    expect((await ask(token, 'VolunteerActivityCredential', holder)).body).toMatchObject({ status: 403, error: 'credential_request_denied' });

    // Revoking the activity revokes both: the one bit, in both forms of the list.
    expect((await t.api('POST', `/v1/credentials/${id}/revoke`, { token: org.apiKey, body: { reason: 'test' } })).status).toBe(200);
    const tokenList = await t.api('GET', new URL(status.statusListCredential).pathname, { headers: { accept: 'application/statuslist+jwt' } });
    expect(tokenList.headers.get('content-type')).toContain('application/statuslist+jwt');
    const list = decodeJwtParts(tokenList.text);
    expect(list.header).toMatchObject({ typ: 'statuslist+jwt', kid: `${org.did}#key-1` });
    expect(list.payload.sub).toBe(status.statusListCredential);
    expect((await readTokenStatusList(list.payload.status_list)).get(Number(status.statusListIndex))).toBe(1);
    await expect(verifier.verify(sdJwt)).rejects.toThrow(/Status is not valid/);
  });

  it('issues the SD-JWT VC first just as well, to a key given as a jwk, and binds the VC-JWT to the same key', async () => {
    const { offerUri } = await record({ name: 'Айгерім' });
    const token = await accessTokenFor(t, offerUri);
    const holder = newHolder();
    const sd = await ask(token, 'VolunteerActivitySdJwt', holder, { jwk: true });
    expect(sd.status, sd.text).toBe(200);
    const { payload, disclosures } = splitSdJwt(sd.body.credentials[0].credential);
    // No IIN recorded: the name alone is disclosable, the decoys keep three digests.
    expect(disclosures.map((d) => d[1])).toEqual(['name']);
    expect(payload._sd).toHaveLength(3);

    const other = await ask(token, 'VolunteerActivityCredential', newHolder());
    expect(other.body).toMatchObject({ status: 400, error: 'invalid_proof' });
    const vc = await ask(token, 'VolunteerActivityCredential', holder);
    expect(vc.status, vc.text).toBe(200);
    expect(decodeJwtParts(vc.body.credentials[0].credential).payload.sub).toBe(holder.did);
  });

  it('gives the second format only to the token that claimed the first', async () => {
    const { offerUri } = await record({ name: 'Бекзат', iin: IIN });
    const [first, second] = [await accessTokenFor(t, offerUri), await accessTokenFor(t, offerUri)];
    const holder = newHolder();
    expect((await ask(first, 'VolunteerActivityCredential', holder)).status).toBe(200);
    expect((await ask(second, 'VolunteerActivitySdJwt', holder)).body).toMatchObject({ status: 403, error: 'credential_request_denied' });
    expect((await ask(first, 'VolunteerActivitySdJwt', holder)).status).toBe(200);
  });

  it("signs with the organization's current key after a rotation, as its VC-JWTs", async () => {
    const rotating = await t.accredit('rotating-org');
    expect((await t.api('POST', `/v1/organizations/${rotating.id}/keys/rotate`, { token: rotating.apiKey })).status).toBe(200);
    const recorded = await t.api('POST', '/v1/activities', { token: rotating.apiKey, body: { volunteer: { name: 'Нұрлан', iin: IIN }, activity: activity() } });
    const token = await accessTokenFor(t, recorded.body.offerUri);
    const sd = await ask(token, 'VolunteerActivitySdJwt', newHolder());
    const sdJwt: string = sd.body.credentials[0].credential;
    const { header } = splitSdJwt(sdJwt);
    expect(header.kid).toBe(`${rotating.did}#key-2`);
    const verified = await (await libraryVerifier(`${t.issuer.url}/orgs/${rotating.id}/did.json`, header.kid)).verify(sdJwt);
    expect(verified.payload).toMatchObject({ iss: rotating.did, iin: IIN });
  });

  it('refuses a jwk proof for the VC-JWT, whose subject is a did:key named by kid', async () => {
    const { offerUri } = await record({ name: 'Сәуле' });
    const token = await accessTokenFor(t, offerUri);
    expect((await ask(token, 'VolunteerActivityCredential', newHolder(), { jwk: true })).body).toMatchObject({ status: 400, error: 'invalid_proof' });
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

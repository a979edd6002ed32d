import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwtParts } from '../../shared/jwt/index.ts';
import { startService, type StartedService } from '../helpers/services.ts';
import { newHolder, startIssuer, type IssuerUnderTest, type Organization } from '../issuer/issuance/setup.ts';
import { postJson } from '../verifier/helpers.ts';

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';

// Issue 8's reproductions against the VC API issue route, each as it was sent from outside.
describe('attacks on POST /credentials/issue', () => {
  let t: IssuerUnderTest;
  let verifier: StartedService;
  let org: Organization;

  beforeAll(async () => {
    t = await startIssuer();
    org = await t.accredit('vc-api-attacked');
    verifier = await startService('verifier', { env: { ISSUER_URL: t.issuer.url, VERIFIER_CACHE_SECONDS: '0' } });
  });
  afterAll(async () => {
    await Promise.all([verifier?.stop(), t?.issuer.stop()]);
  });

  const credential = (overrides: Record<string, unknown> = {}) => ({
    '@context': [V1],
    type: ['VerifiableCredential'],
    issuer: org.did,
    credentialSubject: { id: newHolder().did, note: 'thanks' },
    ...overrides,
  });
  const issue = (body: unknown) => t.api('POST', '/credentials/issue', { token: org.apiKey, body });
  const noServerError = () => expect(t.issuer.output()).not.toMatch(/"status":5\d\d/);

  it('a subject with only an id is a valid credential: 201, not 500', async () => {
    const subject = newHolder().did;
    const res = await issue({ credential: credential({ credentialSubject: { id: subject } }) });
    expect(res.status).toBe(201);
    const { payload } = decodeJwtParts(res.body.verifiableCredential.proof.jwt);
    expect(payload.sub).toBe(subject);
    expect((payload.vc as { credentialSubject: unknown }).credentialSubject).toEqual({ id: subject });
    noServerError();
  });

  it('an issuanceDate in year 9999 is refused with 422 naming it, not a 500', async () => {
    const res = await issue({ credential: credential({ issuanceDate: '9999-12-31T23:59:59Z' }) });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'unprocessable', field: 'credential.issuanceDate' });
    const expiring = await issue({ credential: credential({ expirationDate: '9999-12-31T23:59:59Z' }) });
    expect(expiring.body).toMatchObject({ status: 422, field: 'credential.expirationDate' });
    const v2 = await issue({ credential: credential({ '@context': [V2], validUntil: '9999-12-31T23:59:59Z' }) });
    expect(v2.body).toMatchObject({ status: 422, field: 'credential.validUntil' });
    noServerError();
  });

  it('a credential nested 50,000 levels deep is refused with 400', async () => {
    const deep = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    const raw = `{"credential":{"@context":["${V1}"],"type":["VerifiableCredential"],"issuer":"${org.did}","credentialSubject":{"id":"${newHolder().did}","x":${deep}}}}`;
    const res = await t.api('POST', '/credentials/issue', { token: org.apiKey, raw });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request' });
    noServerError();
  });

  it('a top-level nbf or sub never becomes a JWT claim: refused, and other members stay inside the credential', async () => {
    for (const [name, value] of [['nbf', 1577836800], ['sub', 'did:key:z6MkEvil'], ['exp', 4102444800], ['iss', 'did:key:z6MkEvil'], ['cnf', { jwk: {} }]] as const) {
      for (const context of [V1, V2]) {
        const res = await issue({ credential: credential({ '@context': [context], [name]: value }) });
        expect(res.status, `${name} in ${context}`).toBe(422);
        expect(res.body).toMatchObject({ code: 'unprocessable', field: `credential.${name}` });
      }
    }
    const subject = newHolder().did;
    const res = await issue({ credential: credential({ credentialSubject: { id: subject, note: 'x' }, description: 'planted', evidence: [{ type: ['Evidence'] }] }) });
    expect(res.status).toBe(201);
    const { payload } = decodeJwtParts(res.body.verifiableCredential.proof.jwt);
    expect(Object.keys(payload).sort()).toEqual(['iss', 'nbf', 'sub', 'vc']);
    expect(payload.sub).toBe(subject);
    expect(payload.nbf).toBeGreaterThan(Date.now() / 1000 - 600);
    expect(payload.vc).toMatchObject({ description: 'planted', evidence: [{ type: ['Evidence'] }] });
  });

  it('a credential id that is not urn:uuid (urn:example:1) is revoked by that id, and stops verifying', async () => {
    const res = await issue({ credential: credential({ id: 'urn:example:1' }) });
    expect(res.status).toBe(201);
    const vc = res.body.verifiableCredential;
    expect((await postJson(`${verifier.url}/credentials/verify`, { verifiableCredential: vc })).status).toBe(200);
    const revoke = await t.api('POST', '/v1/credentials/urn:example:1/revoke', { token: org.apiKey, body: { reason: 'issued by mistake' } });
    expect(revoke.status).toBe(200);
    expect(revoke.body).toMatchObject({ id: 'urn:example:1', status: 'revoked', statusListIndex: vc.credentialStatus.statusListIndex });
    const after = await postJson(`${verifier.url}/credentials/verify`, { verifiableCredential: vc });
    expect(after.status).toBe(422);
    expect(after.body.problemDetails).toEqual([expect.objectContaining({ check: 'not_revoked', code: 'revoked' })]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../shared/jwt/index.ts';
import { holder } from '../helpers/issuer-fixture.ts';
import { startService, type StartedService } from '../helpers/services.ts';
import { postJson } from '../verifier/helpers.ts';

const V2 = 'https://www.w3.org/ns/credentials/v2';

// Issue 13's and issue 8's reproductions against the VC API verify route: envelopes that were
// taken at face value, and a data: URL that answered 500.
describe('attacks on POST /credentials/verify', () => {
  let verifier: StartedService;
  const issuer = holder();
  let v2: string;
  let v11: string;

  beforeAll(async () => {
    verifier = await startService('verifier', { env: { VERIFIER_CACHE_SECONDS: '0' } });
    const subject = { id: holder().did, note: 'thanks' };
    v2 = await signJwt({ '@context': [V2], type: ['VerifiableCredential'], issuer: issuer.did, credentialSubject: subject }, { key: issuer.key, kid: issuer.kid, typ: 'vc+jwt' });
    v11 = await signJwt(
      { iss: issuer.did, sub: subject.id, nbf: Math.floor(Date.now() / 1000), vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], credentialSubject: { note: 'thanks' } } },
      { key: issuer.key, kid: issuer.kid, typ: 'JWT' },
    );
  });
  afterAll(() => verifier?.stop());

  const verify = (verifiableCredential: unknown) => postJson(`${verifier.url}/credentials/verify`, { verifiableCredential });
  const envelope = (jwt: string, extra: Record<string, unknown> = {}) => ({ type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${jwt}`, ...extra });

  it('an EnvelopedVerifiableCredential with no @context is refused (400), though its payload verifies', async () => {
    expect((await verify(envelope(v2, { '@context': V2 }))).status).toBe(200);
    const res = await verify(envelope(v2));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request', field: 'verifiableCredential' });
  });

  it('an EnvelopedVerifiableCredential with @context [] is refused (400)', async () => {
    const res = await verify(envelope(v2, { '@context': [] }));
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/@context/);
  });

  it('a VC 1.1 JWT inside data:application/vc+jwt is refused (400)', async () => {
    expect((await verify(v11)).status).toBe(200);
    const res = await verify(envelope(v11, { '@context': [V2] }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request', field: 'verifiableCredential' });
  });

  it('data:application/vc+jwt,%E0%A4%A answers 400, not 500', async () => {
    const res = await verify({ '@context': V2, type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,%E0%A4%A' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request' });
    expect(verifier.output()).not.toMatch(/"status":5\d\d/);
  });
});

import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEd25519, ed25519PrivateKeyObject, publicJwk } from '../../shared/crypto/index.ts';
import { createDidResolver, didKeyFromPublicKey, didWebUrl, findVerificationKey, publicKeyFromDidKey } from '../../shared/did/index.ts';
import { signJwt, verifyDidJwt } from '../../shared/jwt/index.ts';
import { createGuardedFetch } from '../../shared/net/index.ts';

describe('did:key', () => {
  it('round-trips an Ed25519 key and matches the did:key spec test vector prefix', () => {
    const keys = generateEd25519();
    const did = didKeyFromPublicKey(keys.publicKey);
    expect(did).toMatch(/^did:key:z6Mk/);
    expect(Buffer.from(publicKeyFromDidKey(did))).toEqual(Buffer.from(keys.publicKey));
    expect(() => publicKeyFromDidKey('did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme')).toThrow(/Ed25519/);
  });
});

describe('did:web', () => {
  it('maps DIDs to URLs (did:web spec, 3.2)', () => {
    expect(didWebUrl('did:web:example.kz', [])).toBe('https://example.kz/.well-known/did.json');
    expect(didWebUrl('did:web:example.kz:orgs:eco', [])).toBe('https://example.kz/orgs/eco/did.json');
    expect(didWebUrl('did:web:localhost%3A4100:orgs:eco', ['localhost'])).toBe('http://localhost:4100/orgs/eco/did.json');
    expect(() => didWebUrl('did:web:example.kz:..:etc', [])).toThrow();
  });
});

describe('verifyDidJwt with a did:web served over HTTP', () => {
  let server: Server;
  let did = '';
  let served: Record<string, unknown> = {};
  const keys = generateEd25519();
  const other = generateEd25519();

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(served));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    did = `did:web:localhost%3A${port}:orgs:test`;
    served = {
      id: did,
      verificationMethod: [{ id: `${did}#key-1`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: publicJwk(keys.publicKey) }],
      assertionMethod: [`${did}#key-1`],
    };
  });
  afterAll(() => server.close());

  const dids = () => createDidResolver({ fetch: createGuardedFetch({ httpHosts: ['localhost'] }), httpHosts: ['localhost'], cacheTtlMs: 0 });

  it('verifies a signature by the authorized key', async () => {
    const jwt = await signJwt({ iss: did, x: 1 }, { key: ed25519PrivateKeyObject(keys.privateKey, keys.publicKey), kid: `${did}#key-1` });
    const verified = await verifyDidJwt(jwt, { dids: dids(), relationship: 'assertionMethod' });
    expect(verified.did).toBe(did);
    expect(verified.payload.x).toBe(1);
  });

  it('refuses another key, a key not authorized for the purpose, and a lying alg header', async () => {
    const forged = await signJwt({ iss: did }, { key: ed25519PrivateKeyObject(other.privateKey, other.publicKey), kid: `${did}#key-1` });
    await expect(verifyDidJwt(forged, { dids: dids(), relationship: 'assertionMethod' })).rejects.toMatchObject({ code: 'unprocessable' });
    const jwt = await signJwt({ iss: did }, { key: ed25519PrivateKeyObject(keys.privateKey, keys.publicKey), kid: `${did}#key-1` });
    await expect(verifyDidJwt(jwt, { dids: dids(), relationship: 'authentication' })).rejects.toMatchObject({ code: 'unprocessable' });
    const [, payload, signature] = jwt.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'ES256', kid: `${did}#key-1` })).toString('base64url');
    await expect(verifyDidJwt(`${header}.${payload}.${signature}`, { dids: dids(), relationship: 'assertionMethod' })).rejects.toMatchObject({
      code: 'unprocessable',
      message: expect.stringContaining('alg'),
    });
  });

  it('refuses a document whose id is another DID', async () => {
    const saved = served;
    served = { ...saved, id: 'did:web:evil.example' };
    await expect(dids().resolveDocument(did)).rejects.toMatchObject({ code: 'fetch_failed' });
    served = saved;
  });

  it('finds keys by bare fragment and refuses unlisted ones', () => {
    const doc = served as never;
    expect(findVerificationKey(doc, '#key-1', 'assertionMethod').alg).toBe('EdDSA');
    expect(() => findVerificationKey(doc, '#key-2', 'assertionMethod')).toThrow(/not authorized/);
  });
});

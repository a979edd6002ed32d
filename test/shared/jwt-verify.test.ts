import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ed25519PrivateKeyObject, generateEd25519 } from '../../shared/crypto/index.ts';
import { createDidResolver, didKeyFromPublicKey, multibaseEd25519 } from '../../shared/did/index.ts';
import { decodeJwtParts, verifyDidJwt } from '../../shared/jwt/index.ts';
import { createGuardedFetch } from '../../shared/net/index.ts';

const keys = generateEd25519();
const did = didKeyFromPublicKey(keys.publicKey);
const kid = `${did}#${multibaseEd25519(keys.publicKey)}`;
const privateKey = ed25519PrivateKeyObject(keys.privateKey, keys.publicKey);
const dids = createDidResolver({ fetch: createGuardedFetch({ httpHosts: [] }), httpHosts: [] });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT signed with the did:key's real key over whatever header it is given. */
function signed(header: Record<string, unknown>, payload: Record<string, unknown> = { iss: did, n: Math.random() }): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
}

describe('verifyDidJwt with the synchronous crypto.verify', () => {
  it('verifies a good EdDSA signature and refuses one altered byte of it', async () => {
    const jwt = signed({ alg: 'EdDSA', kid });
    await expect(verifyDidJwt(jwt, { dids, relationship: 'assertionMethod' })).resolves.toMatchObject({ did, kid });
    const parts = jwt.split('.');
    const sig = Buffer.from(parts[2]!, 'base64url');
    sig[10] = sig[10]! ^ 1;
    await expect(verifyDidJwt(`${parts[0]}.${parts[1]}.${sig.toString('base64url')}`, { dids, relationship: 'assertionMethod' })).rejects.toMatchObject({ code: 'unprocessable' });
  });

  it('refuses a truncated signature, another alg, and a header with crit or b64, though each is signed by the key', async () => {
    const good = signed({ alg: 'EdDSA', kid });
    await expect(verifyDidJwt(good.slice(0, -10), { dids, relationship: 'assertionMethod' })).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(verifyDidJwt(signed({ alg: 'ES256', kid }), { dids, relationship: 'assertionMethod' })).rejects.toThrow(/alg ES256/);
    await expect(verifyDidJwt(signed({ alg: 'EdDSA', kid, crit: ['exp'] }), { dids, relationship: 'assertionMethod' })).rejects.toThrow(/crit, b64/);
    await expect(verifyDidJwt(signed({ alg: 'EdDSA', kid, b64: false }), { dids, relationship: 'assertionMethod' })).rejects.toThrow(/crit, b64/);
  });

  it('decodes a JWT once: the same text gives the same frozen parts, which no caller can change', () => {
    const jwt = signed({ alg: 'EdDSA', kid });
    const first = decodeJwtParts(jwt);
    expect(decodeJwtParts(` ${jwt} `)).toBe(first);
    expect(Object.isFrozen(first.payload)).toBe(true);
    expect(() => {
      (first.payload as Record<string, unknown>).iss = 'did:key:someone-else';
    }).toThrow(TypeError);
  });
});

import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * Ed25519 keys on Node's own crypto. Raw 32-byte keys are what did:key, multibase and
 * Veramo's local KMS use; KeyObjects are what `jose` signs and verifies with.
 */
export interface Ed25519KeyPair {
  publicKey: Uint8Array;
  /** The 32-byte seed. Never logged, never returned by an API; sealed before it is stored. */
  privateKey: Uint8Array;
}

export function generateEd25519(): Ed25519KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pub = publicKey.export({ format: 'jwk' });
  const priv = privateKey.export({ format: 'jwk' });
  return { publicKey: Buffer.from(pub.x!, 'base64url'), privateKey: Buffer.from(priv.d!, 'base64url') };
}

export function ed25519PrivateKeyObject(seed: Uint8Array, publicKey: Uint8Array): KeyObject {
  return createPrivateKey({
    format: 'jwk',
    key: { kty: 'OKP', crv: 'Ed25519', d: Buffer.from(seed).toString('base64url'), x: Buffer.from(publicKey).toString('base64url') },
  });
}

export function ed25519PublicKeyObject(publicKey: Uint8Array): KeyObject {
  return createPublicKey({ format: 'jwk', key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') } });
}

/** The public key of an Ed25519 seed, for keys stored as the seed alone. */
export function ed25519PublicFromSeed(seed: Uint8Array): Uint8Array {
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seed)]);
  const jwk = createPublicKey(createPrivateKey({ format: 'der', type: 'pkcs8', key: pkcs8 })).export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url');
}

export function publicJwk(publicKey: Uint8Array): { kty: 'OKP'; crv: 'Ed25519'; x: string } {
  return { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') };
}

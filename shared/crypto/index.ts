export { createSecretBox, type SecretBox } from './secret-box.ts';
export { hashToken, newToken, safeEqual, randomId } from './hash.ts';
export { createKeyedHash, type KeyedHash } from './keyed-hash.ts';
export {
  generateEd25519,
  ed25519PrivateKeyObject,
  ed25519PublicKeyObject,
  ed25519PublicFromSeed,
  publicJwk,
  type Ed25519KeyPair,
} from './ed25519.ts';
export { LruCache } from './lru.ts';

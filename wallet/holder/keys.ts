import type { KeyObject } from 'node:crypto';
import { createSecretBox, ed25519PrivateKeyObject, generateEd25519, LruCache } from '../../shared/crypto/index.ts';
import { didKeyFromPublicKey, multibaseEd25519 } from '../../shared/did/index.ts';

/** A volunteer's key as the accounts table keeps it: the public key in clear, the seed sealed. */
export interface StoredHolderKey {
  did: string;
  /** base64url of the 32-byte Ed25519 public key. */
  publicKey: string;
  /** The 32-byte seed sealed with `PASSPORT_SECRET` (purpose `holder-keys`). */
  sealedKey: string;
}

/** What signs for a volunteer: the key and the verification method put in the JWT's `kid`. */
export interface HolderSigner {
  did: string;
  kid: string;
  key: KeyObject;
}

export interface HolderKeys {
  /** A fresh Ed25519 did:key, sealed for storage. */
  create(): StoredHolderKey;
  /** The signer of a stored key; opened keys are cached so signing does not decrypt each time. */
  signer(stored: StoredHolderKey): HolderSigner;
}

/**
 * Volunteers' keys on Node's crypto: one did:key per account, its seed sealed with AES-GCM under
 * a key derived from `PASSPORT_SECRET`. Opening a sealed key costs a decryption, so opened keys
 * live in a bounded cache for a while; the cache holds no more than `maxOpen` of them.
 *
 * @example
 * const holders = createHolderKeys(config.passportSecret);
 * const stored = holders.create();
 * const jwt = await signJwt(payload, { ...holders.signer(stored), typ: 'JWT' });
 */
export function createHolderKeys(passportSecret: string, maxOpen = 1_000, openForMs = 10 * 60_000): HolderKeys {
  const box = createSecretBox(passportSecret, 'holder-keys');
  const opened = new LruCache<string, HolderSigner>(maxOpen, openForMs);
  return {
    create() {
      const keys = generateEd25519();
      return {
        did: didKeyFromPublicKey(keys.publicKey),
        publicKey: Buffer.from(keys.publicKey).toString('base64url'),
        sealedKey: box.seal(keys.privateKey),
      };
    },
    signer(stored) {
      const hit = opened.get(stored.did);
      if (hit) return hit;
      const publicKey = Buffer.from(stored.publicKey, 'base64url');
      const signer = {
        did: stored.did,
        kid: `${stored.did}#${multibaseEd25519(publicKey)}`,
        key: ed25519PrivateKeyObject(box.open(stored.sealedKey), publicKey),
      };
      opened.set(stored.did, signer);
      return signer;
    },
  };
}

import type { KeyObject } from 'node:crypto';
import { ed25519PrivateKeyObject, ed25519PublicFromSeed } from '../../shared/crypto/index.ts';
import { didKeyFromPublicKey, multibaseEd25519 } from '../../shared/did/index.ts';
import { derivedBytes } from './random.ts';

/** A volunteer's holder key as a wallet would make it: Ed25519, named by a did:key. */
export interface Holder {
  did: string;
  kid: string;
  key: KeyObject;
}

/**
 * The holder of volunteer number `index`, derived from the seed: the same seed gives the same
 * did:keys, so a seeded picture is reproducible down to who holds what. Demo keys only.
 */
export function seededHolder(seed: string, index: number): Holder {
  const secret = derivedBytes(seed, 'holder', index);
  const publicKey = ed25519PublicFromSeed(secret);
  const did = didKeyFromPublicKey(publicKey);
  return { did, kid: `${did}#${multibaseEd25519(publicKey)}`, key: ed25519PrivateKeyObject(secret, publicKey) };
}

import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import type { TKeyType } from '@veramo/core-types';
import { LruCache } from '../crypto/lru.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Queryable } from '../db/index.ts';

/** What one opened key is counted as in the cache's byte bound (the native key, its id, the entry). */
const BYTES_PER_KEY = 512;
/** Opened keys kept at most: 1 MiB, about 2,000 keys (an organization signs with one at a time). */
const MAX_BYTES = 1024 * 1024;
const KEEP_MS = 10 * 60_000;

/**
 * Signs with the Ed25519 keys of the agent's sealed store directly: the key is read and opened
 * (one AES-GCM decryption) once, kept as a `KeyObject` in a cache bounded in bytes, and signs with
 * Node's `crypto.sign`, with no trip through Veramo's key manager (two reads of its stores per
 * signature) nor its pure-JavaScript Ed25519. Issuing a credential signs once, so this is on the
 * OpenID4VCI claim's path. A key's id names the same key for ever (a rotation makes a new one),
 * so a cached key is never stale; a deleted one leaves the cache with `forget`.
 */
export class AgentKeySigner {
  private readonly keys = new LruCache<string, Promise<KeyObject>>(Number.POSITIVE_INFINITY, KEEP_MS, Date.now, MAX_BYTES);

  constructor(
    private readonly db: Queryable,
    private readonly box: SecretBox,
  ) {}

  /** The base64url EdDSA signature of `data` (UTF-8) by the agent's key `kid`, as the local KMS answers it. */
  async sign(kid: string, data: string | Uint8Array): Promise<string> {
    const key = await this.key(kid);
    return sign(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, key).toString('base64url');
  }

  forget(kid: string): void {
    this.keys.delete(kid);
  }

  private key(kid: string): Promise<KeyObject> {
    const hit = this.keys.get(kid);
    if (hit) return hit;
    const opening = this.open(kid);
    this.keys.set(kid, opening, { bytes: BYTES_PER_KEY + kid.length * 2 });
    opening.catch(() => this.keys.delete(kid));
    return opening;
  }

  private async open(kid: string): Promise<KeyObject> {
    const row = await this.db.get<{ type: TKeyType; sealed: string }>('SELECT type, sealed FROM agent_private_keys WHERE alias = ?', [kid]);
    if (!row) throw new Error(`key_not_found: No key entry found for kid=${kid}`);
    if (row.type !== 'Ed25519') throw new Error(`The agent's key ${kid} is ${row.type}, not Ed25519`);
    const secret = this.box.open(row.sealed);
    try {
      // Veramo keeps an Ed25519 private key as its 32-byte seed, or as the seed and the public key.
      if (secret.length !== 32 && secret.length !== 64) throw new Error(`The agent's key ${kid} is not an Ed25519 private key`);
      const pkcs8 = Buffer.concat([PKCS8_ED25519_PREFIX, secret.subarray(0, 32)]);
      return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    } finally {
      secret.fill(0);
    }
  }
}

/** The DER prefix of a PKCS #8 Ed25519 private key, followed by the 32-byte seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const signers = new WeakMap<object, AgentKeySigner>();

/** Names the direct signer of an agent's keys (`createPassportAgent` registers it). */
export function registerKeySigner(agent: object, signer: AgentKeySigner): void {
  signers.set(agent, signer);
}

/** The direct signer of the agent's keys, when it has one (an agent made by `createPassportAgent`). */
export function keySignerOf(agent: object): AgentKeySigner | undefined {
  return signers.get(agent);
}

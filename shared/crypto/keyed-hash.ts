import { createHmac, hkdfSync } from 'node:crypto';

/**
 * A keyed hash (HMAC-SHA-256) under a key derived from `PASSPORT_SECRET` for one purpose. For
 * values drawn from a small space, such as an IIN (a birth date and a few digits): a plain hash of
 * one can be reversed by trying them all, a keyed one only by whoever holds the secret.
 *
 * @example
 * const hashIin = createKeyedHash(config.passportSecret, 'iin-comparison');
 * const stored = hashIin(`${salt}:${iin}`);
 */
export type KeyedHash = (value: string) => string;

export function createKeyedHash(masterSecret: string, purpose: string): KeyedHash {
  if (!masterSecret || masterSecret.length < 16) throw new Error('PASSPORT_SECRET must be at least 16 characters');
  const key = Buffer.from(hkdfSync('sha256', masterSecret, 'volunteer-passport', `keyed-hash:${purpose}`, 32));
  return (value) => createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}

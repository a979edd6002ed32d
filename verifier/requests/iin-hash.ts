import { createKeyedHash, randomId, safeEqual } from '../../shared/crypto/index.ts';
import type { IinComparison } from '../checks/index.ts';

/** What a request keeps of the IIN the employer typed: a random salt and a keyed hash of both. */
export interface KeptIin {
  salt: string;
  hash: string;
}

/**
 * The typed IIN, kept only as HMAC-SHA-256 (key derived from `PASSPORT_SECRET`) over a salt of
 * its own request: the database never holds the IIN, and its hash opens nothing without the
 * secret; the salt makes one candidate's hashes differ from request to request.
 */
export function keepIin(passportSecret: string, iin: string): KeptIin {
  const salt = randomId(16);
  return { salt, hash: hashOf(passportSecret, salt, iin) };
}

/** Compares a disclosed IIN with the kept one, in constant time. */
export function iinComparison(passportSecret: string, kept: KeptIin): IinComparison {
  return { matches: (iin) => safeEqual(hashOf(passportSecret, kept.salt, iin), kept.hash) };
}

function hashOf(passportSecret: string, salt: string, iin: string): string {
  return createKeyedHash(passportSecret, 'verifier-iin-comparison')(`${salt}:${iin}`);
}

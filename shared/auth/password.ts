import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { createWorkLimit, type WorkLimit } from './work-limit.ts';

/**
 * Passwords are stored as `scrypt$N$r$p$salt$hash` (base64url), so the cost can be raised later
 * without breaking existing hashes: each hash carries the parameters it was made with.
 * N = 2^15, r = 8 costs about 32 MiB and some tens of milliseconds per check.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** Parameters a stored hash may name (at most 128 MiB of scrypt memory); beyond, it never matches and never runs. */
const MAX_N = 2 ** 20;
const MAX_N_TIMES_R = 2 ** 20;

/**
 * scrypt runs on libuv's thread pool (4 threads by default), the same pool the file system, DNS
 * and PostgreSQL's TLS use. Left alone, a burst of sign-ins fills every thread and another
 * volunteer's page or file waits seconds behind it. So at most 2 run at once per process, 32
 * more may wait, and the rest are refused with 503 `busy`. It is one limit per process because the pool is per process.
 */
export const PASSWORD_WORK: WorkLimit = createWorkLimit({ concurrency: 2, queue: 32, what: 'checking passwords' });

export interface PasswordOptions {
  /** The limit the scrypt work goes through; tests may pass their own. */
  work?: WorkLimit;
}

export async function hashPassword(password: string, options: PasswordOptions = {}): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, PARAMS, KEY_LENGTH, options.work);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Compares in constant time; a malformed stored hash, or one with absurd parameters, never matches. */
export async function verifyPassword(password: string, stored: string, options: PasswordOptions = {}): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !hash || !plausible(params)) return false;
  const expected = Buffer.from(hash, 'base64url');
  if (expected.length < 16 || expected.length > 64) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64url'), params, expected.length, options.work);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Checks a password against the stored hash of the account, or, when there is no such account,
 * against a decoy hash, so that "no such login" takes as long as "wrong password" and answers
 * the same. Resolves true only for an account whose hash matches.
 *
 * @example
 * const ok = await checkPassword(input.password, row?.password_hash);
 */
export async function checkPassword(password: string, stored: string | undefined, options: PasswordOptions = {}): Promise<boolean> {
  const matches = await verifyPassword(password, stored ?? (await decoyHash(options)), options);
  return stored !== undefined && matches;
}

let decoy: Promise<string> | undefined;

/** A hash of a random password, made once per process on first use. */
export function decoyHash(options: PasswordOptions = {}): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('base64url'), options).catch((err: unknown) => {
    decoy = undefined;
    throw err;
  });
  return decoy;
}

function plausible(params: { N: number; r: number; p: number }): boolean {
  const { N, r, p } = params;
  return Number.isInteger(N) && N >= 2 && N <= MAX_N && (N & (N - 1)) === 0 && Number.isInteger(r) && r >= 1 && N * r <= MAX_N_TIMES_R && Number.isInteger(p) && p >= 1 && p <= 4;
}

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }, length: number, work: WorkLimit = PASSWORD_WORK): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return work.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFC'), salt, length, options, (err, key) => (err ? reject(err) : resolve(key))),
      ),
  );
}

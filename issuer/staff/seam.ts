/*
 * SEAM — issue 9, waiting for helper "sessions": stand-ins with the same shape as
 * `shared/auth/password.ts` (scrypt with a concurrency limit), `shared/auth/sign-in-limit.ts`
 * (`createSignInLimit`) and `shared/http/csrf.ts` (`cookieCsrfGuard`). When those land on main,
 * import them instead and delete this file.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { cookie } from '../../shared/i18n/index.ts';

const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, PARAMS, 32);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const DECOY_HASH: Promise<string> = hashPassword(randomBytes(16).toString('base64url'));

export async function checkPassword(password: string, stored: string | undefined): Promise<boolean> {
  const matches = await verifyPassword(password, stored ?? (await DECOY_HASH));
  return stored !== undefined && matches;
}

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, { ...params, maxmem: 256 * params.N * params.r }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export interface SignInLimit {
  before(login: string, client: string): Promise<void>;
  after(login: string, client: string, ok: boolean): Promise<void>;
}

export function createSignInLimit(_deps: { db: Queryable; now: () => Date }): SignInLimit {
  return { before: async () => {}, after: async () => {} };
}

/** Writes signed in by the cookie come from our own pages only: JSON, same origin. */
export function cookieCsrfGuard(options: { cookieName: string; publicUrl: string }): RequestHandler {
  const origin = new URL(options.publicUrl).origin;
  return (req, _res, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || req.get('authorization') || !cookie(req, options.cookieName)) return next();
    const from = req.get('origin');
    if ((from && from !== origin) || req.get('sec-fetch-site') === 'cross-site' || !req.is('application/json')) {
      return next(new PassportError('forbidden', 'Writes signed in by the console cookie must come from the console pages as application/json'));
    }
    next();
  };
}

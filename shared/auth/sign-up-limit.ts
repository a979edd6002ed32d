import type { Queryable } from '../db/index.ts';
import { PassportError } from '../errors.ts';
import { counterId, forgetExpiredCounters, takeFromWindow } from './attempt-counters.ts';

export interface SignUpPolicy {
  /** Sign-ups one client address may try per window, whatever their outcome. */
  maxPerClient: number;
  windowMs: number;
}

/**
 * Enough for a school class signing up behind one address in an hour; too few to probe which
 * logins are taken at any useful rate, or to fill the database with accounts.
 */
export const DEFAULT_SIGN_UP_POLICY: SignUpPolicy = { maxPerClient: 30, windowMs: 60 * 60_000 };

export interface SignUpLimit {
  /** Counts a sign-up attempt before anything is hashed or stored; 429 `rate_limited` past the budget. */
  before(client: string): Promise<void>;
}

/**
 * Sign-ups per client address, counted in the same table as sign-ins (`signInAttemptsMigration`).
 * Sign-up answers "this login is taken" on purpose (people choose logins and must learn to pick
 * another), so this limit is what keeps that answer from being an enumeration oracle.
 *
 * @example
 * await createSignUpLimit({ db, now }).before(clientAddress(req));
 */
export function createSignUpLimit(options: { db: Queryable; now?: () => Date; policy?: Partial<SignUpPolicy> }): SignUpLimit {
  const policy = { ...DEFAULT_SIGN_UP_POLICY, ...options.policy };
  const now = options.now ?? (() => new Date());
  return {
    async before(client) {
      const at = now();
      await forgetExpiredCounters(options.db, at);
      const wait = await takeFromWindow(options.db, counterId('sign-up client', client), policy.maxPerClient, at, policy.windowMs);
      if (wait === 0) return;
      const retryAfterSeconds = Math.max(1, Math.ceil(wait / 1000));
      throw new PassportError('rate_limited', `Too many sign-ups from this address; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, { extra: { retryAfterSeconds } });
    },
  };
}

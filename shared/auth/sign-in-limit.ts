import type { Queryable } from '../db/index.ts';
import { PassportError } from '../errors.ts';
import { ATTEMPTS_TABLE, counterId, ensureCounter, forgetCounter, forgetExpiredCounters, giveBack, readCounter, takeFromWindow } from './attempt-counters.ts';

/**
 * How sign-in attempts are limited (docs/security.md, "Sign-in"):
 *
 * - **Counted before the password is checked.** `before` reserves the attempt in the database as
 *   if it will fail, so 40 parallel guesses cannot all reach scrypt: only the first few get a
 *   slot, the rest are refused without hashing anything. `after` gives the slot back on success.
 * - **Per login, an exponential backoff, not a lock-out.** The first `freeFailures` failures cost
 *   nothing; then each further attempt must wait 1 s, 2 s, 4 s … up to `maxDelayMs` (30 s) after
 *   the failure before (from when that failure was known). An attempt refused during the wait is
 *   not counted and does not extend it. So a stranger typing wrong passwords delays the owner by
 *   at most 30 s after the stranger's last attempt; the owner's correct password passes once the wait is over, and success clears the
 *   login's count. Unknown logins are counted exactly like real ones (nothing to enumerate).
 * - **Per client address, a budget of failures**: at most `maxFailuresPerClient` (20) in a fixed
 *   window of `windowMs` (15 minutes), across all logins. This stops one address from trying many
 *   logins, and bounds how long one address can keep a login in backoff. A client refused by the
 *   backoff still spends from its budget, so hammering a login is costly.
 * - A login's count is forgotten `windowMs` after its last wait ended; rows are deleted then.
 *
 * What it does not stop: many addresses together can keep one login in backoff (each of their
 * attempts re-arms at most a 30 s wait); they cannot lock the owner out for longer than that
 * between two of their own attempts, and their guesses stay slow.
 */
export interface SignInPolicy {
  /** Failures a login may have before further attempts wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it. */
  firstDelayMs: number;
  /** The longest wait: what a stranger can cost the owner at most. */
  maxDelayMs: number;
  /** Failures one client address may have per window, across all logins. */
  maxFailuresPerClient: number;
  /** The client's window, and how long a login's count is kept after its last wait. */
  windowMs: number;
}

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  freeFailures: 3,
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxFailuresPerClient: 20,
  windowMs: 15 * 60_000,
};

export interface SignInLimitOptions {
  db: Queryable;
  now?: () => Date;
  policy?: Partial<SignInPolicy>;
}

export interface SignInLimit {
  /**
   * Reserves an attempt for `login` (as the service normalizes it) from `client` (its address,
   * see `clientAddress`), before any password is checked. Throws 429 `rate_limited` with
   * `retryAfterSeconds` when the client's budget is spent or the login is in its backoff.
   */
  before(login: string, client: string): Promise<void>;
  /** Reports the outcome: a success clears the login's backoff and gives the client's slot back. */
  after(login: string, client: string, ok: boolean): Promise<void>;
}

/**
 * @example
 * const limit = createSignInLimit({ db, now });
 * await limit.before(input.login, client);
 * const ok = await checkPassword(input.password, account?.password_hash);
 * await limit.after(input.login, client, ok);
 */
export function createSignInLimit(options: SignInLimitOptions): SignInLimit {
  const policy = { ...DEFAULT_SIGN_IN_POLICY, ...options.policy };
  const now = options.now ?? (() => new Date());
  const { db } = options;
  const delays = backoffSchedule(policy);

  return {
    async before(login, client) {
      const at = now();
      await forgetExpiredCounters(db, at);
      const clientWait = await takeFromWindow(db, clientCounter(client), policy.maxFailuresPerClient, at, policy.windowMs);
      if (clientWait > 0) throw tooMany(clientWait);
      const id = loginCounter(login);
      await ensureCounter(db, id, at, policy.windowMs);
      if (await reserveLoginAttempt(db, id, at, delays, policy.windowMs)) return;
      const row = await readCounter(db, id);
      throw tooMany(row ? Date.parse(row.next_at) - at.getTime() : policy.firstDelayMs);
    },
    async after(login, client, ok) {
      if (ok) {
        await forgetCounter(db, loginCounter(login));
        await giveBack(db, clientCounter(client));
        return;
      }
      // The wait runs from when the failure is known: a slow hash must not use up the wait.
      await extendLoginWait(db, loginCounter(login), now(), delays, policy.windowMs);
    },
  };
}

/**
 * The wait after `failures` failures of one login: none for the first `freeFailures`, then
 * `firstDelayMs` doubling up to `maxDelayMs`.
 */
export function backoffDelayMs(failures: number, policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (failures - policy.freeFailures));
}

/** The waits after 1, 2, … failures until the longest, which holds from then on. */
function backoffSchedule(policy: SignInPolicy): number[] {
  const delays: number[] = [];
  for (let failures = 1; delays.at(-1) !== policy.maxDelayMs && failures <= 64; failures++) delays.push(backoffDelayMs(failures, policy));
  return delays;
}

/**
 * One conditional UPDATE: takes the attempt only if the login's wait is over, and sets the next
 * wait from the count it had (a CASE over the schedule, so no read-then-write race). The wait is
 * set here, before the hash, so parallel attempts are held back at once; `after` moves it on to
 * run from the moment the failure was known.
 */
async function reserveLoginAttempt(db: Queryable, id: string, at: Date, delays: number[], windowMs: number): Promise<boolean> {
  const { branches, nextAt, forgetAt } = scheduleCase(at, delays, windowMs, 0);
  const taken = await db.run(
    `UPDATE ${ATTEMPTS_TABLE} SET attempts = attempts + 1,
       next_at = CASE attempts ${branches} ELSE ? END,
       forget_at = CASE attempts ${branches} ELSE ? END
     WHERE id = ? AND next_at <= ?`,
    [...nextAt, ...forgetAt, id, at.toISOString()],
  );
  return taken.changes === 1;
}

/** Moves the login's next allowed attempt to `at` plus the wait its count calls for, never earlier. */
async function extendLoginWait(db: Queryable, id: string, at: Date, delays: number[], windowMs: number): Promise<void> {
  const { branches, nextAt, forgetAt } = scheduleCase(at, delays, windowMs, 1);
  const wanted = `CASE attempts ${branches} ELSE ? END`;
  await db.run(
    `UPDATE ${ATTEMPTS_TABLE} SET
       next_at = CASE WHEN next_at > ${wanted} THEN next_at ELSE ${wanted} END,
       forget_at = CASE WHEN forget_at > ${wanted} THEN forget_at ELSE ${wanted} END
     WHERE id = ?`,
    [...nextAt, ...nextAt, ...forgetAt, ...forgetAt, id],
  );
}

/**
 * A CASE over a login's attempt count giving, as ISO times from `at`, the wait that follows:
 * `offset` 0 maps the count before an attempt, 1 the count that already includes it.
 */
function scheduleCase(at: Date, delays: number[], windowMs: number, offset: 0 | 1): { branches: string; nextAt: string[]; forgetAt: string[] } {
  const iso = (ms: number) => new Date(at.getTime() + ms).toISOString();
  const last = delays.at(-1)!;
  const listed = delays.slice(0, -1);
  return {
    branches: listed.map((_, i) => `WHEN ${i + offset} THEN ?`).join(' '),
    nextAt: [...listed.map(iso), iso(last)],
    forgetAt: [...listed.map((d) => iso(d + windowMs)), iso(last + windowMs)],
  };
}

function loginCounter(login: string): string {
  return counterId('sign-in login', login);
}

function clientCounter(client: string): string {
  return counterId('sign-in client', client);
}

function tooMany(waitMs: number): PassportError {
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new PassportError('rate_limited', `Too many sign-in attempts; try again in ${retryAfterSeconds} second(s)`, { extra: { retryAfterSeconds } });
}

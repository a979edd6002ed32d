import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';

/**
 * Failed sign-ins are counted in the database, not in memory, so every instance of the wallet
 * sees the same count. Per login they stop password guessing against one volunteer; per client
 * they stop one address from trying many logins.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_LOGIN = 5;
export const MAX_FAILURES_PER_CLIENT = 20;

export async function assertSignInAllowed(db: Queryable, login: string, client: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
  const byLogin = await countSince(db, 'login', login, since);
  const byClient = await countSince(db, 'client', client, since);
  if (byLogin.count >= MAX_FAILURES_PER_LOGIN || byClient.count >= MAX_FAILURES_PER_CLIENT) {
    const oldest = Math.min(...[byLogin, byClient].filter((c) => c.oldest).map((c) => Date.parse(c.oldest!)));
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + SIGN_IN_WINDOW_MS - now.getTime()) / 1000));
    throw new PassportError('rate_limited', `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, {
      extra: { retryAfterSeconds },
    });
  }
}

export async function recordSignInFailure(db: Queryable, login: string, client: string, now: Date): Promise<void> {
  await db.run('INSERT INTO sign_in_failures (id, login, client, at) VALUES (?, ?, ?, ?)', [randomUUID(), login, client, now.toISOString()]);
  // Old failures no longer count; dropping them keeps the table small.
  await db.run('DELETE FROM sign_in_failures WHERE at < ?', [new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString()]);
}

/** A volunteer who signed in is not held back by their own earlier typos. */
export async function forgetSignInFailures(db: Queryable, login: string): Promise<void> {
  await db.run('DELETE FROM sign_in_failures WHERE login = ?', [login]);
}

async function countSince(db: Queryable, column: 'login' | 'client', value: string, since: string): Promise<{ count: number; oldest: string | null }> {
  const row = await db.get<{ count: number; oldest: string | null }>(
    `SELECT COUNT(*) AS count, MIN(at) AS oldest FROM sign_in_failures WHERE ${column} = ? AND at >= ?`,
    [value, since],
  );
  return { count: Number(row?.count ?? 0), oldest: row?.oldest ?? null };
}

import { createHash } from 'node:crypto';
import type { Migration, Queryable } from '../db/index.ts';

/**
 * Counters of sign-in and sign-up attempts, one row per login or client, kept in the service's own
 * database so that every instance counts the same attempts and a restart forgets nothing. Rows are
 * named by a SHA-256 of what they count (`login\0dana`), so the table holds no login someone
 * typed and no client address in clear. Each row says when it may be forgotten; every attempt
 * deletes the rows past that time, so the table stays as small as the recent traffic.
 *
 * Reservations are single conditional UPDATEs (`… WHERE attempts < ?`, `… WHERE next_at <= ?`),
 * which SQLite runs one at a time and PostgreSQL re-checks after the row lock: two parallel
 * attempts can never both take the last slot.
 */
export const ATTEMPTS_TABLE = 'sign_in_attempts';

/**
 * The table's migration, for any service that limits sign-ins (the wallet, the issuer's staff).
 * Portable SQL; give it the next free migration id of that service.
 *
 * @example
 * export const MIGRATIONS = [...earlier, signInAttemptsMigration(104)];
 */
export function signInAttemptsMigration(id: number): Migration {
  return {
    id,
    name: 'sign-in and sign-up attempt counters',
    sql: `
      CREATE TABLE ${ATTEMPTS_TABLE} (
        id TEXT PRIMARY KEY,
        attempts INTEGER NOT NULL,
        next_at TEXT NOT NULL,
        forget_at TEXT NOT NULL
      );
      CREATE INDEX ${ATTEMPTS_TABLE}_forget ON ${ATTEMPTS_TABLE} (forget_at)
    `,
  };
}

export function counterId(kind: string, value: string): string {
  return createHash('sha256').update(`${kind}\u0000${value}`).digest('hex');
}

export async function forgetExpiredCounters(db: Queryable, now: Date): Promise<void> {
  await db.run(`DELETE FROM ${ATTEMPTS_TABLE} WHERE forget_at <= ?`, [now.toISOString()]);
}

/** Makes the counter's row if it is missing: no attempts yet, forgotten after `windowMs`. */
export async function ensureCounter(db: Queryable, id: string, now: Date, windowMs: number): Promise<void> {
  await db.run(`INSERT INTO ${ATTEMPTS_TABLE} (id, attempts, next_at, forget_at) VALUES (?, 0, ?, ?) ON CONFLICT (id) DO NOTHING`, [
    id,
    now.toISOString(),
    new Date(now.getTime() + windowMs).toISOString(),
  ]);
}

export async function readCounter(db: Queryable, id: string): Promise<{ attempts: number; next_at: string; forget_at: string } | undefined> {
  return db.get(`SELECT attempts, next_at, forget_at FROM ${ATTEMPTS_TABLE} WHERE id = ?`, [id]);
}

/**
 * Takes one attempt from a fixed window of `max` (the window began when the row was made and
 * ends at its `forget_at`). Answers 0 when taken, else the milliseconds until the window ends.
 */
export async function takeFromWindow(db: Queryable, id: string, max: number, now: Date, windowMs: number): Promise<number> {
  await ensureCounter(db, id, now, windowMs);
  const taken = await db.run(`UPDATE ${ATTEMPTS_TABLE} SET attempts = attempts + 1 WHERE id = ? AND attempts < ?`, [id, max]);
  if (taken.changes === 1) return 0;
  const row = await readCounter(db, id);
  return row ? Math.max(1, Date.parse(row.forget_at) - now.getTime()) : 1;
}

/** Gives back one attempt taken from a window (a sign-in that succeeded was no failure). */
export async function giveBack(db: Queryable, id: string): Promise<void> {
  await db.run(`UPDATE ${ATTEMPTS_TABLE} SET attempts = attempts - 1 WHERE id = ? AND attempts > 0`, [id]);
}

export async function forgetCounter(db: Queryable, id: string): Promise<void> {
  await db.run(`DELETE FROM ${ATTEMPTS_TABLE} WHERE id = ?`, [id]);
}

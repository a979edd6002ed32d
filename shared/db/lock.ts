import type { Queryable } from './types.ts';

/**
 * ` FOR UPDATE` on PostgreSQL, nothing on SQLite: appended to a SELECT inside a transaction whose
 * later writes depend on the row read, so that two instances cannot both act on the same state.
 * SQLite's transactions already hold the one write lock (BEGIN IMMEDIATE), across processes too.
 *
 * @example
 * await tx.get(`SELECT status FROM activities WHERE id = ?${forUpdate(tx)}`, [id]);
 */
export function forUpdate(tx: Queryable): string {
  return tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
}

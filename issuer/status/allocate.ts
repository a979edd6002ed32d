import { randomInt } from 'node:crypto';
import type { BitstringStatusListEntry } from '../../shared/credential/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import { MIN_STATUS_LIST_SIZE, randomStatusIndex } from '../../shared/status-list/index.ts';
import { statusEntry } from './url.ts';

export interface StatusSlot {
  listNo: number;
  index: number;
  entry: BitstringStatusListEntry;
}

/** Random candidates tried per round before falling back to a scan of the free indices. */
const CANDIDATES = 16;

/**
 * Reserves a random unused index in the organization's current status list, opening a new list
 * when the current one is full. Runs inside the issuing transaction: the index is taken by the
 * credential row that the caller inserts next, and `credentials`' unique constraint on
 * (organization, list, index) refuses any index taken twice (the caller retries on that).
 * Indices are random, never sequential, so an index does not reveal issuance order.
 *
 * The list's counter is incremented FIRST: on PostgreSQL that row lock makes a second instance
 * issuing for the same organization wait until this transaction commits, and its search for a
 * free index then sees this credential (SQLite's single writer does the same for processes).
 */
export async function allocateStatusSlot(tx: Queryable, organizationId: string, issuerUrl: string, now: Date): Promise<StatusSlot> {
  const list = await reserveInCurrentList(tx, organizationId, now);
  const index = await freeIndex(tx, organizationId, list.listNo, list.size);
  return { listNo: list.listNo, index, entry: statusEntry(issuerUrl, organizationId, list.listNo, index) };
}

/** Counts one more credential in the newest list with room (locking its row), opening a list when none has room. */
async function reserveInCurrentList(tx: Queryable, organizationId: string, now: Date): Promise<{ listNo: number; size: number }> {
  for (;;) {
    const last = await tx.get<{ list_no: number }>('SELECT MAX(list_no) AS list_no FROM status_lists WHERE organization_id = ?', [organizationId]);
    const current = last?.list_no ?? null;
    if (current !== null) {
      // The condition is checked again after the lock: a list another instance just filled is skipped.
      const reserved = await tx.get<{ list_no: number; size: number }>(
        'UPDATE status_lists SET used = used + 1 WHERE organization_id = ? AND list_no = ? AND used < size RETURNING list_no, size',
        [organizationId, current],
      );
      if (reserved) return { listNo: reserved.list_no, size: reserved.size };
    }
    // No list yet, or the newest is full: open the next one (another instance may open it at the same moment).
    await tx.run('INSERT INTO status_lists (organization_id, list_no, size, used, version, created_at) VALUES (?, ?, ?, 0, 0, ?) ON CONFLICT DO NOTHING', [
      organizationId,
      (current ?? 0) + 1,
      MIN_STATUS_LIST_SIZE,
      now.toISOString(),
    ]);
  }
}

async function freeIndex(tx: Queryable, organizationId: string, listNo: number, size: number): Promise<number> {
  const candidates = [...new Set(Array.from({ length: CANDIDATES }, () => randomStatusIndex(size)))];
  const taken = await takenAmong(tx, organizationId, listNo, candidates);
  const free = candidates.find((c) => !taken.has(c));
  if (free !== undefined) return free;
  // Only a nearly full list gets here (16 random misses): choose uniformly among what is left.
  const all = await tx.all<{ status_index: number }>('SELECT status_index FROM credentials WHERE organization_id = ? AND status_list = ?', [organizationId, listNo]);
  const used = new Set(all.map((r) => r.status_index));
  const left: number[] = [];
  for (let i = 0; i < size; i++) if (!used.has(i)) left.push(i);
  if (left.length === 0) throw new Error(`Status list ${listNo} of ${organizationId} is full but was taken as current`);
  return left[randomInt(0, left.length)]!;
}

async function takenAmong(tx: Queryable, organizationId: string, listNo: number, candidates: number[]): Promise<Set<number>> {
  const rows = await tx.all<{ status_index: number }>(
    `SELECT status_index FROM credentials WHERE organization_id = ? AND status_list = ? AND status_index IN (${candidates.map(() => '?').join(', ')})`,
    [organizationId, listNo, ...candidates],
  );
  return new Set(rows.map((r) => r.status_index));
}

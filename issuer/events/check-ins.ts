import type { Queryable } from '../../shared/db/index.ts';
import { CHECK_IN_COLUMNS, checkInState, type CheckInRow, type CheckInState } from './transaction.ts';

export interface CheckInView {
  id: string;
  name: string;
  did: string;
  at: string;
  status: CheckInState;
  hours?: number;
  role?: string;
  reason?: string;
  credentialId?: string;
  /** When the wallet fetched its credential. */
  fetchedAt?: string;
}

export function checkInView(row: CheckInRow, now: Date): CheckInView {
  return {
    id: row.id,
    name: row.name,
    did: row.holder_did,
    at: row.checked_in_at,
    status: checkInState(row, now),
    ...(row.hours !== null ? { hours: Number(row.hours) } : {}),
    ...(row.role ? { role: row.role } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.credential_id ? { credentialId: row.credential_id } : {}),
    ...(row.fetched_at ? { fetchedAt: row.fetched_at } : {}),
  };
}

/** The event's check-ins in the order people arrived (the caller has checked the event is the organization's). */
export async function listCheckIns(db: Queryable, eventId: string, now: Date): Promise<{ checkIns: CheckInView[] }> {
  const rows = await db.all<CheckInRow>(`SELECT ${CHECK_IN_COLUMNS} FROM event_check_ins WHERE event_id = ? ORDER BY checked_in_at, id`, [eventId]);
  return { checkIns: rows.map((r) => checkInView(r, now)) };
}

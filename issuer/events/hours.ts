import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { HoursRequest } from './input.ts';

/**
 * Sets hours and roles on the event's waiting check-ins: the request's `hours`/`role` for all of
 * them, then each `checkIns` entry for its own (and a `name` for a wallet that sent none). Inside
 * the caller's transaction; a check-in that is not this event's, or not waiting, is refused.
 */
export async function applyHours(tx: Queryable, eventId: string, request: HoursRequest, now: Date): Promise<void> {
  const at = now.toISOString();
  if (request.hours !== undefined) {
    await tx.run("UPDATE event_check_ins SET hours = ? WHERE event_id = ? AND status = 'waiting' AND expires_at > ?", [request.hours, eventId, at]);
  }
  if (request.role !== undefined) {
    await tx.run("UPDATE event_check_ins SET role = ? WHERE event_id = ? AND status = 'waiting' AND expires_at > ?", [request.role, eventId, at]);
  }
  for (const [i, entry] of request.checkIns.entries()) {
    const row = await tx.get<{ status: string; expires_at: string }>('SELECT status, expires_at FROM event_check_ins WHERE id = ? AND event_id = ?', [entry.id, eventId]);
    if (!row) throw new PassportError('not_found', `checkIns[${i}].id: no check-in ${entry.id} at this event`, { field: `checkIns.${i}.id` });
    // Confirmed is final: a confirmation sent again leaves its values as they were.
    if (row.status === 'confirmed') continue;
    if (row.status !== 'waiting' || row.expires_at <= at) {
      throw new PassportError('conflict', `checkIns[${i}]: check-in ${entry.id} is ${row.status === 'waiting' ? 'expired' : row.status}`, { field: `checkIns.${i}.id` });
    }
    if (entry.hours !== undefined) await tx.run('UPDATE event_check_ins SET hours = ? WHERE id = ?', [entry.hours, entry.id]);
    if (entry.role !== undefined) await tx.run('UPDATE event_check_ins SET role = ? WHERE id = ?', [entry.role, entry.id]);
    if (entry.name !== undefined) await tx.run('UPDATE event_check_ins SET name = ? WHERE id = ?', [entry.name, entry.id]);
  }
}

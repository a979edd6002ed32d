import { forUpdate } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { audit } from '../audit/index.ts';
import type { OrganizationActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { checkInView, type CheckInView } from './check-ins.ts';
import { CHECK_IN_COLUMNS, checkInState, type CheckInRow } from './transaction.ts';
import { findEvent } from './view.ts';

/**
 * Removes a check-in (someone who did not come) with a reason the wallet will show. Only a
 * waiting one: a confirmed credential is revoked instead. Declining again answers the first.
 */
export async function declineCheckIn(deps: Pick<IssuerDeps, 'db' | 'now'>, actor: OrganizationActor, eventId: string, checkInId: string, reason: string): Promise<CheckInView> {
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    await findEvent(tx, actor.id, eventId);
    const row = await tx.get<CheckInRow>(`SELECT ${CHECK_IN_COLUMNS} FROM event_check_ins WHERE id = ? AND event_id = ?${forUpdate(tx)}`, [checkInId, eventId]);
    if (!row) throw new PassportError('not_found', `No check-in ${checkInId} at this event`);
    const state = checkInState(row, now);
    if (state === 'declined') return checkInView(row, now);
    if (state !== 'waiting') {
      throw new PassportError('conflict', `Check-in ${checkInId} is ${state}${state === 'confirmed' ? `: revoke its credential instead (POST /v1/credentials/${row.credential_id}/revoke)` : ''}`);
    }
    const at = now.toISOString();
    await tx.run("UPDATE event_check_ins SET status = 'declined', reason = ?, decided_at = ? WHERE id = ?", [reason, at, checkInId]);
    await audit(tx, { at: now, actor, action: 'event.check_in_declined', subject: checkInId, detail: { eventId, name: row.name, holder: row.holder_did, reason } });
    return checkInView({ ...row, status: 'declined', reason, decided_at: at }, now);
  });
}

import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { audit, describeActor } from '../audit/index.ts';
import { staffOf, type Actor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { mayAdminister } from './authority.ts';
import { newInvitationLink, type InvitationLink } from './invitation-link.ts';
import { existingUnit, unitName, type UnitKind, type UnitRecord } from './units.ts';

/**
 * Takes a person out of their unit: their sessions and links stop working at once. The row
 * stays (without login or password) so the audit trail keeps naming who did what.
 */
export async function removePerson(deps: Pick<IssuerDeps, 'db' | 'now'>, actor: Actor, staffId: string): Promise<void> {
  if (staffOf(actor)?.id === staffId) throw new PassportError('conflict', 'You cannot remove yourself; ask another admin', { extra: { reason: 'self' } });
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const unit = await personUnderAuthority(tx, actor, staffId);
    await tx.run("UPDATE staff SET status = 'removed', login = NULL, password_hash = NULL, removed_at = ? WHERE id = ?", [now.toISOString(), staffId]);
    await endEverything(tx, staffId);
    await audit(tx, { at: now, actor, action: 'staff.removed', subject: `staff:${staffId}`, unit: unitName(unit) });
  });
}

/**
 * Resets a person who forgot their password (or whose password may be known): it stops working,
 * with every session, and a new invitation link lets them choose another. Their role stays.
 */
export async function resetPerson(deps: Pick<IssuerDeps, 'config' | 'db' | 'now'>, actor: Actor, staffId: string): Promise<InvitationLink> {
  if (staffOf(actor)?.id === staffId) throw new PassportError('conflict', 'Change your own password instead of resetting yourself', { extra: { reason: 'self' } });
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const unit = await personUnderAuthority(tx, actor, staffId);
    await tx.run("UPDATE staff SET status = 'invited', password_hash = NULL WHERE id = ?", [staffId]);
    await endEverything(tx, staffId);
    const link = await newInvitationLink(tx, deps, staffId, describeActor(actor));
    await audit(tx, { at: now, actor, action: 'staff.reset', subject: `staff:${staffId}`, unit: unitName(unit) });
    return link;
  });
}

async function personUnderAuthority(tx: Queryable, actor: Actor, staffId: string): Promise<UnitRecord> {
  const person = await tx.get<{ unit_kind: UnitKind; unit_id: string }>("SELECT unit_kind, unit_id FROM staff WHERE id = ? AND status <> 'removed'", [staffId]);
  if (!person) throw new PassportError('not_found', `No person ${staffId}`);
  const unit = await existingUnit(tx, { kind: person.unit_kind, id: person.unit_id });
  if (!mayAdminister(actor, unit)) throw new PassportError('forbidden', `Only an admin of ${unitName(unit)} or of a unit above it may change its people`);
  return unit;
}

async function endEverything(tx: Queryable, staffId: string): Promise<void> {
  await tx.run('DELETE FROM staff_sessions WHERE staff_id = ?', [staffId]);
  await tx.run('DELETE FROM staff_invitations WHERE staff_id = ? AND used_at IS NULL', [staffId]);
}

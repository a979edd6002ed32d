import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import { audit, describeActor } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { mayAdminister } from './authority.ts';
import { personName, staffLogin, staffRole, unitField } from './fields.ts';
import { newInvitationLink, type InvitationLink } from './invitation-link.ts';
import { existingUnit, unitName } from './units.ts';

export const InvitationInput = z.object({ unit: unitField, role: staffRole, name: personName, email: staffLogin.optional() }).strict();
export type InvitationInput = z.infer<typeof InvitationInput>;

/**
 * Invites a person into a unit with a role: the person is recorded as `invited` and gets a
 * single-use link, valid for seven days, on which they choose their password. Only an admin of
 * that unit or of one above it may invite (the admin token bootstraps the registry's first admin).
 */
export async function invitePerson(
  deps: Pick<IssuerDeps, 'config' | 'db' | 'now'>,
  actor: Actor,
  input: InvitationInput,
): Promise<InvitationLink & { staffId: string }> {
  const unit = await existingUnit(deps.db, input.unit);
  if (!mayAdminister(actor, unit)) {
    throw new PassportError('forbidden', `Only an admin of ${unitName(unit)} or of a unit above it may invite people to it`, { field: 'unit' });
  }
  const staffId = randomUUID();
  const now = deps.now();
  const by = describeActor(actor);
  const link = await deps.db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO staff (id, unit_kind, unit_id, role, name, email, status, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, 'invited', ?, ?)`,
      [staffId, unit.kind, unit.id, input.role, input.name, input.email ?? null, now.toISOString(), by],
    );
    const created = await newInvitationLink(tx, deps, staffId, by);
    await audit(tx, { at: now, actor, action: 'staff.invited', subject: `staff:${staffId}`, unit: unitName(unit), detail: { role: input.role } });
    return created;
  });
  return { ...link, staffId };
}

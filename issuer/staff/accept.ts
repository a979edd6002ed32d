import { z } from 'zod';
import { hashToken } from '../../shared/crypto/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { audit } from '../audit/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { newPassword, staffLogin } from './fields.ts';
import { hashPassword } from '../../shared/auth/index.ts';
import { unitName } from './units.ts';

export const AcceptanceInput = z.object({ login: staffLogin, password: newPassword }).strict();
export type AcceptanceInput = z.infer<typeof AcceptanceInput>;

interface InvitationRow {
  id: string;
  staff_id: string;
  expires_at: string;
  used_at: string | null;
  status: 'invited' | 'active' | 'removed';
  unit_kind: 'registry' | 'front_office' | 'organization';
  unit_id: string;
}

/**
 * The invited person chooses their login (their e-mail address) and password. The link works
 * once: it is spent in the same transaction that activates the person, so two tabs submitting
 * at once cannot both succeed.
 */
export async function acceptInvitation(deps: Pick<IssuerDeps, 'db' | 'now'>, token: string, input: AcceptanceInput): Promise<{ id: string }> {
  // Checked before the slow password hash, so a dead link answers at once.
  await usableInvitation(deps.db, token, deps.now());
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const invitation = await usableInvitation(tx, token, now);
    const { changes } = await tx.run('UPDATE staff_invitations SET used_at = ? WHERE id = ? AND used_at IS NULL', [now.toISOString(), invitation.id]);
    if (changes === 0) throw spent();
    const taken = await tx.get('SELECT id FROM staff WHERE login = ? AND id <> ?', [input.login, invitation.staff_id]);
    if (taken) throw new PassportError('conflict', 'This login is taken by another person', { field: 'login' });
    await tx.run("UPDATE staff SET login = ?, password_hash = ?, status = 'active', joined_at = ? WHERE id = ?", [
      input.login,
      passwordHash,
      now.toISOString(),
      invitation.staff_id,
    ]);
    const unit = unitName({ kind: invitation.unit_kind, id: invitation.unit_id });
    await audit(tx, { at: now, actor: { kind: 'person', id: invitation.staff_id }, action: 'staff.joined', subject: `staff:${invitation.staff_id}`, unit });
    return { id: invitation.staff_id };
  });
}

/** The invitation of `token` if it can still be accepted; `not_found` or `gone` (with why) otherwise. */
export async function usableInvitation(db: Queryable, token: string, now: Date): Promise<InvitationRow> {
  const row = await db.get<InvitationRow>(
    `SELECT i.id, i.staff_id, i.expires_at, i.used_at, p.status, p.unit_kind, p.unit_id
       FROM staff_invitations i JOIN staff p ON p.id = i.staff_id
      WHERE i.token_hash = ?`,
    [hashToken(token)],
  );
  if (!row || row.status === 'removed') throw new PassportError('not_found', 'This invitation link is not valid (a newer link may have replaced it)');
  if (row.used_at) throw spent();
  if (row.expires_at <= now.toISOString()) {
    throw new PassportError('gone', 'This invitation link has expired; ask an admin for a new one', { extra: { reason: 'expired' } });
  }
  return row;
}

function spent(): PassportError {
  return new PassportError('gone', 'This invitation link was used already; sign in, or ask an admin for a new one', { extra: { reason: 'used' } });
}

import { z } from 'zod';
import { hashToken } from '../../shared/crypto/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { staffOf, type Actor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { anyPassword, newPassword } from './fields.ts';
import { hashPassword, verifyPassword } from '../../shared/auth/index.ts';

export const PasswordChangeInput = z.object({ currentPassword: anyPassword, newPassword }).strict();
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;

/**
 * A person changes their own password, proving the current one. Their other sessions end (a
 * password is changed when it may be known to someone else); the session making the change stays.
 */
export async function changePassword(deps: Pick<IssuerDeps, 'db'>, actor: Actor, currentToken: string, input: PasswordChangeInput): Promise<void> {
  const staff = staffOf(actor);
  if (!staff) throw new PassportError('forbidden', 'Only a person signed in to the console has a password to change');
  const person = await deps.db.get<{ password_hash: string }>("SELECT password_hash FROM staff WHERE id = ? AND status = 'active'", [staff.id]);
  if (!person || !(await verifyPassword(input.currentPassword, person.password_hash))) {
    throw new PassportError('forbidden', 'The current password is wrong', { field: 'currentPassword' });
  }
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx.run('UPDATE staff SET password_hash = ? WHERE id = ?', [hash, staff.id]);
    await tx.run('DELETE FROM staff_sessions WHERE staff_id = ? AND token_hash <> ?', [staff.id, hashToken(currentToken)]);
  });
}

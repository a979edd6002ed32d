import { z } from 'zod';
import { AnyPasswordSchema, hashPassword, NewPasswordSchema, type SignInLimit } from '../../shared/auth/index.ts';
import { hashToken } from '../../shared/crypto/index.ts';
import { parseInput } from '../../shared/http/index.ts';
import type { WalletDeps } from '../deps.ts';
import type { Volunteer } from './volunteer.ts';
import { confirmPassword } from './confirm.ts';

const ChangePasswordSchema = z.object({ currentPassword: AnyPasswordSchema, newPassword: NewPasswordSchema }).strict();

/**
 * Changes the password after checking the current one. Every other session of the volunteer ends
 * (a thief signed in elsewhere is signed out); the session that made the change stays.
 */
export async function changePassword(
  deps: Pick<WalletDeps, 'db'>,
  limit: SignInLimit,
  volunteer: Volunteer,
  body: unknown,
  context: { client: string; sessionToken: string },
): Promise<void> {
  const input = parseInput(ChangePasswordSchema, body);
  await confirmPassword(deps.db, limit, volunteer, input.currentPassword, context.client, 'currentPassword');
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx.run('UPDATE accounts SET password_hash = ? WHERE id = ?', [hash, volunteer.id]);
    await tx.run('DELETE FROM sessions WHERE account_id = ? AND token_hash <> ?', [volunteer.id, hashToken(context.sessionToken)]);
  });
}

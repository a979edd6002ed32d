import { z } from 'zod';
import { hashPassword, LoginSchema, NewPasswordSchema, type SignInLimit } from '../../shared/auth/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { parseInput } from '../../shared/http/index.ts';
import type { WalletDeps } from '../deps.ts';
import { remainingRecoveryCodes, useRecoveryCode } from './recovery-codes.ts';

const RecoverSchema = z.object({ login: LoginSchema, code: z.string({ message: 'must be a string' }).min(1, 'must not be empty').max(64, 'must be at most 64 characters'), newPassword: NewPasswordSchema }).strict();

/**
 * A way back into a lost account: a login, one unused recovery code and a new password. The code
 * is used up, the password replaced and every session of the account ends. Attempts go through
 * the shared sign-in limit (counted before the code is checked), and an unknown login answers
 * exactly like a wrong code (401 `unauthorized`), so recovery cannot be used to list logins or
 * to guess codes faster than passwords.
 */
export async function recoverAccount(deps: Pick<WalletDeps, 'db'>, limit: SignInLimit, body: unknown, client: string): Promise<{ remainingCodes: number }> {
  const input = parseInput(RecoverSchema, body);
  await limit.before(input.login, client);
  const account = await deps.db.get<{ id: string }>('SELECT id FROM accounts WHERE login = ?', [input.login]);
  const ok = account !== undefined && (await useRecoveryCode(deps.db, account.id, input.code));
  await limit.after(input.login, client, ok);
  if (!account || !ok) throw new PassportError('unauthorized', 'The login or the recovery code is wrong, or the code was used already', { field: 'code' });
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx.run('UPDATE accounts SET password_hash = ? WHERE id = ?', [hash, account.id]);
    await tx.run('DELETE FROM sessions WHERE account_id = ?', [account.id]);
  });
  return { remainingCodes: await remainingRecoveryCodes(deps.db, account.id) };
}

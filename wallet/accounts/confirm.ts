import { checkPassword, type SignInLimit } from '../../shared/auth/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';

/**
 * Asks a signed-in volunteer for the password again before a change that a stolen session must
 * not be able to make alone (a new password, new recovery codes, deletion). Counted with the
 * shared sign-in limit, so a stolen session cannot guess the password quickly either. A wrong
 * password is 403 `forbidden` with `field: password`: the session stays valid.
 */
export async function confirmPassword(
  db: Queryable,
  limit: SignInLimit,
  account: { id: string; login: string },
  password: string,
  client: string,
  field = 'password',
): Promise<void> {
  await limit.before(account.login, client);
  const row = await db.get<{ password_hash: string }>('SELECT password_hash FROM accounts WHERE id = ?', [account.id]);
  const ok = await checkPassword(password, row?.password_hash);
  await limit.after(account.login, client, ok);
  if (!ok) throw new PassportError('forbidden', 'The password is wrong', { field });
}

import { z } from 'zod';
import { hashPassword, NewPasswordSchema } from '../../shared/auth/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { parseInput } from '../../shared/http/index.ts';
import type { WalletDeps } from '../deps.ts';
import { LinkTokenSchema, takeLink } from './links.ts';

const CompleteResetSchema = z.object({ token: LinkTokenSchema, newPassword: NewPasswordSchema }).strict();

/**
 * Sets the new password from a reset link: the link is used up, every session of the account
 * ends (a thief signed in elsewhere is out), and every other e-mailed link of the account dies.
 * A link made for an address the account no longer has (removed or changed since) does nothing.
 */
export async function completePasswordReset(deps: Pick<WalletDeps, 'db' | 'now'>, body: unknown): Promise<void> {
  const input = parseInput(CompleteResetSchema, body);
  const link = await takeLink(deps.db, input.token, 'reset_password', deps.now());
  const account = await deps.db.get<{ email: string | null }>('SELECT email FROM accounts WHERE id = ?', [link.accountId]);
  if (!account || account.email !== link.email) throw new PassportError('gone', 'This link was made for an address the account no longer has', { field: 'token' });
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx.run('UPDATE accounts SET password_hash = ? WHERE id = ?', [hash, link.accountId]);
    await tx.run('DELETE FROM sessions WHERE account_id = ?', [link.accountId]);
    await tx.run('DELETE FROM email_links WHERE account_id = ?', [link.accountId]);
  });
}

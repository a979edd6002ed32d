import { z } from 'zod';
import { parseInput } from '../../shared/http/index.ts';
import type { WalletDeps } from '../deps.ts';
import { LinkTokenSchema, takeLink } from './links.ts';

const ConfirmSchema = z.object({ token: LinkTokenSchema }).strict();

/**
 * Opening the mailed link proves the mailbox is the volunteer's: the address becomes the
 * account's recovery address. No session is needed (the link is often opened on another device).
 */
export async function confirmEmail(deps: Pick<WalletDeps, 'db' | 'now'>, body: unknown): Promise<{ email: string }> {
  const input = parseInput(ConfirmSchema, body);
  const link = await takeLink(deps.db, input.token, 'confirm_email', deps.now());
  await deps.db.run('UPDATE accounts SET email = ? WHERE id = ?', [link.email, link.accountId]);
  return { email: link.email };
}

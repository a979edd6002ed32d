import { z } from 'zod';
import { AnyPasswordSchema, type SignInLimit } from '../../shared/auth/index.ts';
import { parseInput } from '../../shared/http/index.ts';
import type { WalletDeps } from '../deps.ts';
import { confirmPassword } from './confirm.ts';
import type { Volunteer } from './volunteer.ts';

const DeleteSchema = z.object({ password: AnyPasswordSchema }).strict();

/** Every table that holds something of an account, children first (explicit, not left to ON DELETE CASCADE). */
const ACCOUNT_TABLES = ['email_links', 'recovery_codes', 'presentation_requests', 'shares', 'credentials', 'claimed_offers', 'sessions'] as const;

/**
 * Deletes the account and everything in it, with the password as confirmation: credentials,
 * share links (they answer 404 from then on), fetched requests, recovery codes, sessions and the
 * sealed holder key. In one transaction: it is all gone or nothing is.
 */
export async function deleteAccount(deps: Pick<WalletDeps, 'db'>, limit: SignInLimit, volunteer: Volunteer, body: unknown, client: string): Promise<void> {
  const input = parseInput(DeleteSchema, body);
  await confirmPassword(deps.db, limit, volunteer, input.password, client);
  await deps.db.transaction(async (tx) => {
    for (const table of ACCOUNT_TABLES) await tx.run(`DELETE FROM ${table} WHERE account_id = ?`, [volunteer.id]);
    await tx.run('DELETE FROM accounts WHERE id = ?', [volunteer.id]);
  });
}

import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import { parseInput } from '../../shared/http/index.ts';
import type { WalletDeps } from '../deps.ts';
import { remainingRecoveryCodes } from './recovery-codes.ts';
import type { Volunteer } from './volunteer.ts';

/** A display name as people write theirs: any script, 1 to 120 characters, no control characters. */
export const ProfileNameSchema = z
  .string({ message: 'must be a string' })
  .trim()
  .max(120, 'must be at most 120 characters')
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

const ProfileSchema = z.object({ name: ProfileNameSchema }).strict();

export interface AccountView {
  id: string;
  login: string;
  did: string;
  /** The volunteer's display name, or null when none is set. */
  name: string | null;
  /** The confirmed recovery e-mail address, or null. */
  email: string | null;
  /** Whether this wallet can send e-mail (`SMTP_URL`), so that an address may be added at all. */
  emailRecovery: boolean;
  recoveryCodesLeft: number;
  createdAt: string;
}

export async function accountView(deps: Pick<WalletDeps, 'db' | 'mailer'>, volunteer: Volunteer): Promise<AccountView> {
  const row = await deps.db.get<{ display_name: string | null; email: string | null; created_at: string }>('SELECT display_name, email, created_at FROM accounts WHERE id = ?', [volunteer.id]);
  if (!row) throw new PassportError('unauthorized', 'The account no longer exists');
  return {
    id: volunteer.id,
    login: volunteer.login,
    did: volunteer.did,
    name: row.display_name,
    email: row.email,
    emailRecovery: Boolean(deps.mailer),
    recoveryCodesLeft: await remainingRecoveryCodes(deps.db, volunteer.id),
    createdAt: row.created_at,
  };
}

/** Sets the display name (an empty name clears it). The PDF prints it, and check-ins send it. */
export async function setProfile(deps: Pick<WalletDeps, 'db' | 'mailer'>, volunteer: Volunteer, body: unknown): Promise<AccountView> {
  const input = parseInput(ProfileSchema, body);
  await deps.db.run('UPDATE accounts SET display_name = ? WHERE id = ?', [input.name === '' ? null : input.name, volunteer.id]);
  return accountView(deps, volunteer);
}

import { z } from 'zod';
import { AnyPasswordSchema, type SignInLimit } from '../../shared/auth/index.ts';
import { counterId, takeFromWindow } from '../../shared/auth/attempt-counters.ts';
import type { Language } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { parseInput } from '../../shared/http/index.ts';
import type { Mailer } from '../../shared/mail/index.ts';
import { confirmPassword } from '../accounts/confirm.ts';
import type { Volunteer } from '../accounts/index.ts';
import type { WalletDeps } from '../deps.ts';
import { EmailSchema } from './address.ts';
import { mintLink } from './links.ts';
import { CONFIRM_LINK_MS, confirmationMail } from './mail.ts';

const AddEmailSchema = z.object({ email: EmailSchema, password: AnyPasswordSchema }).strict();

/** Confirmation e-mails one account may ask for per hour: enough for typos, too few to use the wallet to pester a stranger. */
const CONFIRMATIONS_PER_HOUR = 5;

/** The mailer, or 404: without `SMTP_URL` the wallet has no e-mail recovery at all. */
export function requireMailer(deps: Pick<WalletDeps, 'mailer'>): Mailer {
  if (!deps.mailer) throw new PassportError('not_found', 'E-mail recovery is not available on this wallet (no SMTP_URL configured)');
  return deps.mailer;
}

/**
 * Starts adding a recovery address: the password again (a stolen session must not be able to add
 * the thief's address and then reset the password with it), then a single-use link mailed to the
 * address. The address counts only once that link is opened (confirm-email.ts).
 */
export async function addEmail(deps: WalletDeps, limit: SignInLimit, volunteer: Volunteer, body: unknown, context: { client: string; lang: Language }): Promise<{ pendingEmail: string }> {
  const mailer = requireMailer(deps);
  const input = parseInput(AddEmailSchema, body);
  await confirmPassword(deps.db, limit, volunteer, input.password, context.client);
  const now = deps.now();
  const wait = await takeFromWindow(deps.db, counterId('recovery e-mail account', volunteer.id), CONFIRMATIONS_PER_HOUR, now, 3_600_000);
  if (wait > 0) throw new PassportError('rate_limited', 'Too many confirmation e-mails for this account; try again later', { extra: { retryAfterSeconds: Math.ceil(wait / 1000) } });
  const token = await mintLink(deps.db, { accountId: volunteer.id, purpose: 'confirm_email', email: input.email, now, ttlMs: CONFIRM_LINK_MS });
  try {
    await mailer.send(confirmationMail(input.email, `${deps.config.walletUrl}/confirm-email#token=${token}`, context.lang));
  } catch (err) {
    deps.logger.warn({ error: (err as Error).message }, 'confirmation e-mail not sent');
    throw new PassportError('upstream_unavailable', 'The e-mail could not be sent; try again later');
  }
  return { pendingEmail: input.email };
}

/** Removes the recovery address, and any link still on its way. */
export async function removeEmail(deps: Pick<WalletDeps, 'db'>, volunteer: Volunteer): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx.run('UPDATE accounts SET email = NULL WHERE id = ?', [volunteer.id]);
    await tx.run('DELETE FROM email_links WHERE account_id = ?', [volunteer.id]);
  });
}

import { z } from 'zod';
import { counterId, takeFromWindow } from '../../shared/auth/attempt-counters.ts';
import type { Language } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { parseInput } from '../../shared/http/index.ts';
import type { OutgoingMail } from '../../shared/mail/index.ts';
import type { WalletDeps } from '../deps.ts';
import { requireMailer } from './add-email.ts';
import { EmailSchema } from './address.ts';
import { mintLink } from './links.ts';
import { resetMail } from './mail.ts';

const RequestResetSchema = z.object({ email: EmailSchema }).strict();

/** Reset requests per client address and per e-mail address, per hour. */
export const RESET_LIMITS = { perClient: 10, perEmail: 3, windowMs: 3_600_000 } as const;
/** One address may recover at most this many accounts at once (a family sharing a mailbox). */
const MAX_ACCOUNTS = 5;

/**
 * "Forgot password": mails a single-use, short-lived reset link to each account whose confirmed
 * recovery address this is. The answer is the same whether or not any account has the address,
 * and the e-mail is sent after the answer, so neither its words nor its timing tell who has an
 * account. Counted per client and per address before anything is looked up.
 */
export async function requestPasswordReset(deps: WalletDeps, body: unknown, context: { client: string; lang: Language }): Promise<void> {
  const mailer = requireMailer(deps);
  const input = parseInput(RequestResetSchema, body);
  const now = deps.now();
  for (const [kind, value, max] of [['reset client', context.client, RESET_LIMITS.perClient], ['reset email', input.email, RESET_LIMITS.perEmail]] as const) {
    const wait = await takeFromWindow(deps.db, counterId(kind, value), max, now, RESET_LIMITS.windowMs);
    if (wait > 0) throw new PassportError('rate_limited', 'Too many reset requests; try again later', { extra: { retryAfterSeconds: Math.ceil(wait / 1000) } });
  }
  const accounts = await deps.db.all<{ id: string; login: string }>(`SELECT id, login FROM accounts WHERE email = ? ORDER BY created_at LIMIT ${MAX_ACCOUNTS}`, [input.email]);
  const ttlMs = deps.config.passwordResetSeconds * 1000;
  const mails: OutgoingMail[] = [];
  for (const account of accounts) {
    const token = await mintLink(deps.db, { accountId: account.id, purpose: 'reset_password', email: input.email, now, ttlMs });
    mails.push(resetMail(input.email, `${deps.config.walletUrl}/reset-password#token=${token}`, account.login, Math.round(ttlMs / 60_000), context.lang));
  }
  // After the answer: a slow mail server must not make known addresses answer slower.
  setImmediate(() => {
    for (const mail of mails) {
      mailer.send(mail).catch((err: unknown) => deps.logger.warn({ error: (err as Error).message }, 'password reset e-mail not sent'));
    }
  });
}

import type { Language } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { IssuerDeps } from '../deps.ts';
import { queueOfferMail } from './mail/queue.ts';
import { effectiveStatus } from './view.ts';

/**
 * Queues the offer e-mail of one activity again (a lost card, a fixed address): to `email` when
 * given (and kept as the volunteer's address), otherwise to the address on record. The worker
 * sends it; the activity's `mail` says sent, or failed and why.
 */
export async function sendOfferAgain(
  deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>,
  organizationId: string,
  activityId: string,
  to: { email?: string; language?: Language },
): Promise<{ id: string; mailId: string; status: 'queued'; to: string }> {
  if (!deps.config.smtpUrl) throw new PassportError('conflict', 'E-mail is not configured on this issuer (SMTP_URL is unset)');
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const row = await tx.get<{ status: 'offered' | 'claimed' | 'revoked' | 'withdrawn'; offer_expires_at: string; volunteer_email: string | null; volunteer_language: string | null }>(
      'SELECT status, offer_expires_at, volunteer_email, volunteer_language FROM activities WHERE id = ? AND organization_id = ?',
      [activityId, organizationId],
    );
    if (!row) throw new PassportError('not_found', `No activity ${activityId} of this organization`);
    const status = effectiveStatus(row, now);
    if (status !== 'offered') throw new PassportError('gone', `The offer of activity ${activityId} can no longer be claimed (it is ${status})`);
    const email = to.email ?? row.volunteer_email;
    if (!email) throw new PassportError('invalid_request', 'email is required: no address is on record for this volunteer', { field: 'email' });
    const language = to.language ?? row.volunteer_language ?? undefined;
    if (to.email || to.language) {
      await tx.run('UPDATE activities SET volunteer_email = ?, volunteer_language = ?, updated_at = ? WHERE id = ?', [email, language ?? null, now.toISOString(), activityId]);
    }
    const mailId = await queueOfferMail(tx, { organizationId, activityId, recipient: email, language, now });
    return { id: activityId, mailId, status: 'queued', to: email };
  });
}

import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../shared/db/index.ts';

/**
 * Puts one offer e-mail in the durable outbox, inside the caller's transaction: the activity and
 * its e-mail are recorded together, and the worker (worker.ts) sends it whenever it can.
 */
export async function queueOfferMail(
  tx: Queryable,
  mail: { organizationId: string; activityId: string; recipient: string; language: string | undefined; now: Date },
): Promise<string> {
  const id = randomUUID();
  const at = mail.now.toISOString();
  await tx.run(
    `INSERT INTO mail_outbox (id, organization_id, activity_id, recipient, language, status, attempts, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?)`,
    [id, mail.organizationId, mail.activityId, mail.recipient, mail.language ?? '', at, at],
  );
  return id;
}

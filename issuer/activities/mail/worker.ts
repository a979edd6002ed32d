import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { SecretBox } from '../../../shared/crypto/index.ts';
import { createMailer } from '../../../shared/mail/index.ts';
import { isLanguage } from '../../../shared/i18n/index.ts';
import type { Activity, Language } from '../../../shared/credential/index.ts';
import { findOrganization } from '../../credentials/organization.ts';
import type { IssuerDeps } from '../../deps.ts';
import { openOfferToken } from '../offer-link.ts';
import { effectiveStatus, offerLinks } from '../view.ts';
import { composeOfferMail } from './compose.ts';
import { organizationMailLanguage } from '../../projects/settings.ts';

/** After this many failed attempts an e-mail is marked failed, with the last reason. */
export const MAX_ATTEMPTS = 6;
/** A worker owns a leased e-mail this long; a worker that dies mid-send frees it when the lease runs out. */
const LEASE_MS = 120_000;
const POLL_MS = 1_000;
const BATCH = 20;

interface OutboxRow {
  id: string;
  organization_id: string;
  activity_id: string;
  recipient: string;
  language: string;
  attempts: number;
}

export interface MailWorker {
  /** One pass over the due e-mails; resolves with how many were sent. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** Wait before attempt n+1: 15 s, 30 s, 1 min, 2 min, 4 min. */
export function backoffMs(attempts: number): number {
  return 15_000 * 2 ** Math.max(0, attempts - 1);
}

/**
 * Sends queued offer e-mails from the `mail_outbox` table. Each e-mail is first leased by one
 * conditional UPDATE (only one instance's UPDATE can match), then sent, then marked: a crash after
 * sending and before marking is the only way one is sent twice, and the fixed Message-ID lets the
 * receiving server drop that duplicate. Failures are retried with backoff and recorded with why.
 */
export function startMailWorker(deps: Pick<IssuerDeps, 'db' | 'config' | 'now' | 'logger'>, box: SecretBox, transport?: Transporter): MailWorker {
  const mailer = createMailer({ smtpUrl: deps.config.smtpUrl!, from: deps.config.mailFrom, ...(transport ? { transport } : {}) });
  const me = randomUUID();
  const host = new URL(deps.config.issuerUrl).hostname;
  let stopped = false;
  let running: Promise<number> = Promise.resolve(0);

  const lease = async (): Promise<OutboxRow[]> => {
    const now = deps.now().toISOString();
    const due = await deps.db.all<OutboxRow>(
      `SELECT id, organization_id, activity_id, recipient, language, attempts FROM mail_outbox
        WHERE status = 'queued' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
        ORDER BY next_attempt_at LIMIT ${BATCH}`,
      [now, now],
    );
    const mine: OutboxRow[] = [];
    const until = new Date(deps.now().getTime() + LEASE_MS).toISOString();
    for (const row of due) {
      const taken = await deps.db.run(
        `UPDATE mail_outbox SET lease_until = ?, leased_by = ? WHERE id = ? AND status = 'queued' AND (lease_until IS NULL OR lease_until < ?)`,
        [until, me, row.id, now],
      );
      if (taken.changes === 1) mine.push(row);
    }
    return mine;
  };

  const sendOne = async (row: OutboxRow): Promise<boolean> => {
    try {
      const activity = await deps.db.get<{ status: 'offered' | 'claimed' | 'revoked' | 'withdrawn'; offer_expires_at: string; offer_sealed: string; volunteer_name: string; activity: string }>(
        'SELECT status, offer_expires_at, offer_sealed, volunteer_name, activity FROM activities WHERE id = ?',
        [row.activity_id],
      );
      if (!activity || effectiveStatus(activity, deps.now()) !== 'offered') {
        await finish(row, 'failed', `the offer is no longer claimable (${activity ? effectiveStatus(activity, deps.now()) : 'gone'})`);
        return false;
      }
      const organization = await findOrganization(deps.db, row.organization_id);
      const links = offerLinks(deps.config, row.activity_id, openOfferToken(box, activity.offer_sealed));
      // The row's language, else the organization's own choice, else the deployment's.
      const lang: Language = isLanguage(row.language) ? row.language : ((await organizationMailLanguage(deps.db, row.organization_id)) ?? deps.config.mailLanguage);
      const mail = await composeOfferMail({
        lang,
        volunteerName: activity.volunteer_name,
        organization: organization?.name ?? {},
        activity: JSON.parse(activity.activity) as Activity,
        claimUrl: links.claimUrl,
        offerUri: links.offerUri,
        expiresAt: activity.offer_expires_at,
      });
      await mailer.send({
        to: row.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments,
        messageId: `<${row.id}@${host}>`,
        headers: { 'Content-Language': lang },
      });
      await finish(row, 'sent');
      return true;
    } catch (err) {
      const why = (err as Error).message.slice(0, 300);
      const attempts = row.attempts + 1;
      if (attempts >= MAX_ATTEMPTS) {
        await finish(row, 'failed', why, attempts);
      } else {
        await deps.db.run('UPDATE mail_outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, lease_until = NULL WHERE id = ? AND leased_by = ?', [
          attempts,
          new Date(deps.now().getTime() + backoffMs(attempts)).toISOString(),
          why,
          row.id,
          me,
        ]);
      }
      deps.logger.warn({ outbox: row.id, attempts, error: why }, 'offer e-mail not sent');
      return false;
    }
  };

  const finish = async (row: OutboxRow, status: 'sent' | 'failed', why?: string, attempts = row.attempts + 1): Promise<void> => {
    const at = deps.now().toISOString();
    await deps.db.run('UPDATE mail_outbox SET status = ?, attempts = ?, sent_at = ?, last_error = ?, lease_until = NULL WHERE id = ? AND leased_by = ?', [
      status,
      attempts,
      status === 'sent' ? at : null,
      why ?? null,
      row.id,
      me,
    ]);
  };

  const runOnce = async (): Promise<number> => {
    let sent = 0;
    for (const row of await lease()) if (await sendOne(row)) sent++;
    return sent;
  };

  const loop = async () => {
    while (!stopped) {
      running = runOnce().catch((err: unknown) => {
        deps.logger.error({ error: (err as Error).message }, 'mail outbox pass failed');
        return 0;
      });
      await running;
      await new Promise((r) => setTimeout(r, POLL_MS).unref());
    }
  };
  void loop();
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      await running;
      mailer.close();
    },
  };
}

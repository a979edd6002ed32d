import type { SecretBox } from '../../shared/crypto/index.ts';
import type { Activity } from '../../shared/credential/index.ts';
import { maskIin, type IinVault } from './iin.ts';
import { claimUrl, offerUri, openOfferToken } from './offer-link.ts';

export type ActivityStatus = 'offered' | 'claimed' | 'revoked' | 'withdrawn' | 'expired';

/** The columns views are made from (`SELECT … FROM activities a LEFT JOIN credentials c`). */
export const ACTIVITY_COLUMNS = `a.id, a.status, a.volunteer_name, a.volunteer_email, a.volunteer_iin_sealed, a.activity, a.idempotency_key, a.offer_sealed,
  a.offer_expires_at, a.withdrawn_at, a.created_at, a.volunteer_language, a.upload_id, c.id AS credential_id, c.issued_at, c.revoked_at,
  (SELECT m.status || ' ' || COALESCE(m.sent_at, m.next_attempt_at) || ' ' || COALESCE(m.last_error, '') FROM mail_outbox m
    WHERE m.activity_id = a.id ORDER BY m.created_at DESC LIMIT 1) AS mail_state`;

export interface ActivityRow {
  id: string;
  status: 'offered' | 'claimed' | 'revoked' | 'withdrawn';
  volunteer_name: string;
  volunteer_email: string | null;
  volunteer_iin_sealed: string | null;
  activity: string;
  idempotency_key: string | null;
  offer_sealed: string;
  offer_expires_at: string;
  withdrawn_at: string | null;
  created_at: string;
  volunteer_language: string | null;
  upload_id: string | null;
  /** The latest e-mail's `status at error…`, when one was queued. */
  mail_state: string | null;
  credential_id: string | null;
  issued_at: string | null;
  revoked_at: string | null;
}

export interface ActivityView {
  id: string;
  status: ActivityStatus;
  /** Present while the offer can still be claimed. */
  offerUri?: string;
  /** The https link a phone camera opens: the wallet's claim page carrying the offer. */
  claimUrl?: string;
  qrUrl?: string;
  offerExpiresAt?: string;
  /**
   * `iinMasked`: the recorded IIN's last four digits only (`••••••••1234`); the IIN itself is never shown.
   */
  volunteer: { name: string; email?: string; language?: string; iinMasked?: string };
  activity: Activity;
  idempotencyKey?: string;
  uploadId?: string;
  /** The latest offer e-mail: queued (with its next attempt), sent (when), or failed (why). */
  mail?: { status: 'queued' | 'sent' | 'failed'; at: string; error?: string };
  createdAt: string;
  credentialId?: string;
  claimedAt?: string;
  revokedAt?: string;
}

/** An offer past its lifetime is shown as `expired`; nothing else about it changes. */
export function effectiveStatus(row: Pick<ActivityRow, 'status' | 'offer_expires_at'>, now: Date): ActivityStatus {
  return row.status === 'offered' && row.offer_expires_at <= now.toISOString() ? 'expired' : row.status;
}

export function qrUrl(issuerUrl: string, activityId: string): string {
  return `${issuerUrl}/v1/activities/${activityId}/offer.png`;
}

export interface LinkBases {
  issuerUrl: string;
  walletUrl: string;
}

/** The links of a claimable offer: by reference for wallets, the https claim page for cameras, the QR image. */
export function offerLinks(bases: LinkBases, activityId: string, token: string): { offerUri: string; claimUrl: string; qrUrl: string } {
  const uri = offerUri(bases.issuerUrl, token);
  return { offerUri: uri, claimUrl: claimUrl(bases.walletUrl, uri), qrUrl: qrUrl(bases.issuerUrl, activityId) };
}

export function activityView(row: ActivityRow, box: SecretBox, bases: LinkBases, now: Date, iins: IinVault): ActivityView {
  const status = effectiveStatus(row, now);
  const offered = status === 'offered';
  return {
    id: row.id,
    status,
    ...(offered ? { ...offerLinks(bases, row.id, openOfferToken(box, row.offer_sealed)), offerExpiresAt: row.offer_expires_at } : {}),
    volunteer: {
      name: row.volunteer_name,
      ...(row.volunteer_email ? { email: row.volunteer_email } : {}),
      ...(row.volunteer_language ? { language: row.volunteer_language } : {}),
      ...(row.volunteer_iin_sealed ? { iinMasked: maskIin(iins.open(row.volunteer_iin_sealed)) } : {}),
    },
    activity: JSON.parse(row.activity) as Activity,
    ...(row.idempotency_key ? { idempotencyKey: row.idempotency_key } : {}),
    ...(row.upload_id ? { uploadId: row.upload_id } : {}),
    ...(row.mail_state ? { mail: mailOf(row.mail_state) } : {}),
    createdAt: row.created_at,
    ...(row.credential_id ? { credentialId: row.credential_id, claimedAt: row.issued_at! } : {}),
    ...(row.revoked_at || row.withdrawn_at ? { revokedAt: (row.revoked_at ?? row.withdrawn_at)! } : {}),
  };
}

function mailOf(state: string): NonNullable<ActivityView['mail']> {
  const [status, at, ...error] = state.split(' ');
  const why = error.join(' ').trim();
  return { status: status as 'queued' | 'sent' | 'failed', at: at!, ...(why ? { error: why } : {}) };
}

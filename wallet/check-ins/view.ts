import { createSecretBox, type SecretBox } from '../../shared/crypto/index.ts';

/** What the wallet shows of the event it checked in to, as its issuer described it (bounded, text only). */
export interface CheckInEvent {
  name: Partial<Record<'kk' | 'ru' | 'en', string>>;
  activityStartDate?: string;
  activityEndDate?: string;
  place?: string;
  organization?: Partial<Record<'kk' | 'ru' | 'en', string>>;
}

export type CheckInStatus = 'waiting' | 'issued' | 'declined' | 'expired' | 'cancelled';

export interface CheckInRow {
  id: string;
  issuer: string;
  deferred_endpoint: string;
  cancel_endpoint: string | null;
  sealed: string;
  event: string;
  status: CheckInStatus;
  reason: string | null;
  credential_id: string | null;
  interval_seconds: number;
  checked_in_at: string;
  polled_at: string | null;
  updated_at: string;
}

export const CHECK_IN_COLUMNS = 'id, issuer, deferred_endpoint, cancel_endpoint, sealed, event, status, reason, credential_id, interval_seconds, checked_in_at, polled_at, updated_at';

export interface CheckInView {
  id: string;
  status: CheckInStatus;
  issuer: string;
  event: CheckInEvent;
  checkedInAt: string;
  updatedAt: string;
  /** The coordinator's reason, when declined. */
  reason?: string;
  /** The stored credential, once issued. */
  credentialId?: string;
  /** Whether the volunteer can still cancel (waiting, and the issuer offers cancelling). */
  cancellable: boolean;
}

export function checkInView(row: CheckInRow): CheckInView {
  return {
    id: row.id,
    status: row.status,
    issuer: row.issuer,
    event: JSON.parse(row.event) as CheckInEvent,
    checkedInAt: row.checked_in_at,
    updatedAt: row.updated_at,
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.credential_id ? { credentialId: row.credential_id } : {}),
    cancellable: row.status === 'waiting' && Boolean(row.cancel_endpoint),
  };
}

function text(value: unknown, max = 200): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined;
}

function names(value: unknown): Partial<Record<'kk' | 'ru' | 'en', string>> {
  const out: Partial<Record<'kk' | 'ru' | 'en', string>> = {};
  if (typeof value === 'string') return { kk: text(value)!, ru: text(value)!, en: text(value)! };
  if (value && typeof value === 'object') {
    for (const l of ['kk', 'ru', 'en'] as const) {
      const t = text((value as Record<string, unknown>)[l]);
      if (t) out[l] = t;
    }
  }
  return out;
}

/** The issuer's `event` extension, kept only as the few bounded texts the page shows. */
export function eventOf(raw: unknown): CheckInEvent {
  const e = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const start = date(e.activityStartDate);
  const end = date(e.activityEndDate);
  const place = text(e.place);
  const organization = names(e.organization);
  return {
    name: names(e.name),
    ...(start ? { activityStartDate: start } : {}),
    ...(end ? { activityEndDate: end } : {}),
    ...(place ? { place } : {}),
    ...(Object.keys(organization).length ? { organization } : {}),
  };
}

/** The bearer secrets of a check-in (its access token and transaction id), sealed at rest. */
export interface CheckInSecrets {
  accessToken: string;
  transactionId: string;
}

const boxes = new Map<string, SecretBox>();

export function checkInBox(passportSecret: string): SecretBox {
  let box = boxes.get(passportSecret);
  if (!box) boxes.set(passportSecret, (box = createSecretBox(passportSecret, 'check-ins')));
  return box;
}

export function openSecrets(box: SecretBox, sealed: string): CheckInSecrets {
  return JSON.parse(box.open(sealed).toString('utf8')) as CheckInSecrets;
}

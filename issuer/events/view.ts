import type { Config } from '../../shared/config.ts';
import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { claimUrl } from '../activities/offer-link.ts';
import { printedCode, printedValidity, rotatingCode } from './codes.ts';
import type { EventActivity } from './input.ts';

export interface EventRow {
  id: string;
  organization_id: string;
  activity: string;
  place: string | null;
  check_in_until: string;
  status: 'open' | 'confirmed';
  created_at: string;
  confirmed_at: string | null;
  confirmed_by: string | null;
}

export const EVENT_COLUMNS = 'id, organization_id, activity, place, check_in_until, status, created_at, confirmed_at, confirmed_by';

/** `open` while check-ins are taken, `closed` after the deadline, `confirmed` once credentials are issued. */
export type EventStatus = 'open' | 'closed' | 'confirmed';

export interface EventView {
  id: string;
  status: EventStatus;
  activity: EventActivity;
  place?: string;
  checkInUntil: string;
  createdAt: string;
  confirmedAt?: string;
  /** While open: the screen's current offer (a new one every CHECK_IN_CODE_SECONDS), and its https link for phone cameras. */
  checkInOfferUri?: string;
  checkInUrl?: string;
  /** When the page should show the next code. */
  checkInReplacedAt?: string;
  checkIns: { waiting: number; confirmed: number; declined: number; cancelled: number; expired: number };
}

export function eventStatus(row: Pick<EventRow, 'status' | 'check_in_until'>, now: Date): EventStatus {
  if (row.status === 'confirmed') return 'confirmed';
  return row.check_in_until <= now.toISOString() ? 'closed' : 'open';
}

/** The offer by reference whose URL carries a check-in code (OpenID4VCI 1.0, section 4.1.3). */
export function checkInOfferUri(issuerUrl: string, code: string): string {
  return `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(`${issuerUrl}/oid4vci/check-in/${code}`)}`;
}

export interface PrintedOffer {
  offerUri: string;
  claimUrl: string;
  validFrom: string;
  validUntil: string;
}

/** The offer to print: it works only on the event's dates (and never after check-in closes). */
export function printedOffer(config: Pick<Config, 'issuerUrl' | 'walletUrl' | 'passportSecret'>, row: EventRow): PrintedOffer {
  const activity = JSON.parse(row.activity) as EventActivity;
  const { from, until } = printedValidity(activity.activityStartDate, activity.activityEndDate);
  const uri = checkInOfferUri(config.issuerUrl, printedCode(config, row.id));
  const end = until.toISOString() < row.check_in_until ? until.toISOString() : row.check_in_until;
  return { offerUri: uri, claimUrl: claimUrl(config.walletUrl, uri), validFrom: from.toISOString(), validUntil: end };
}

export async function eventView(db: Queryable, config: Config, row: EventRow, now: Date): Promise<EventView> {
  const status = eventStatus(row, now);
  const counts = await db.all<{ status: keyof EventView['checkIns']; n: number }>('SELECT status, COUNT(*) AS n FROM event_check_ins WHERE event_id = ? GROUP BY status', [row.id]);
  const expired = await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM event_check_ins WHERE event_id = ? AND status = 'waiting' AND expires_at <= ?", [row.id, now.toISOString()]);
  const checkIns = { waiting: 0, confirmed: 0, declined: 0, cancelled: 0, expired: Number(expired?.n ?? 0) };
  for (const c of counts) checkIns[c.status] += Number(c.n);
  checkIns.waiting -= checkIns.expired;
  const code = status === 'open' ? rotatingCode(config, row.id, now) : undefined;
  const uri = code ? checkInOfferUri(config.issuerUrl, code.code) : undefined;
  return {
    id: row.id,
    status,
    activity: JSON.parse(row.activity) as EventActivity,
    ...(row.place ? { place: row.place } : {}),
    checkInUntil: row.check_in_until,
    createdAt: row.created_at,
    ...(row.confirmed_at ? { confirmedAt: row.confirmed_at } : {}),
    ...(uri && code ? { checkInOfferUri: uri, checkInUrl: claimUrl(config.walletUrl, uri), checkInReplacedAt: code.replacedAt.toISOString() } : {}),
    checkIns,
  };
}

/** The organization's event, or `not_found` (another organization's event is not told apart from none). */
export async function findEvent(db: Queryable, organizationId: string, eventId: string, lock = ''): Promise<EventRow> {
  const row = await db.get<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ? AND organization_id = ?${lock}`, [eventId, organizationId]);
  if (!row) throw new PassportError('not_found', `No event ${eventId} of this organization`);
  return row;
}

export async function listEvents(db: Queryable, config: Config, organizationId: string, now: Date): Promise<{ events: EventView[] }> {
  const rows = await db.all<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE organization_id = ? ORDER BY created_at DESC, id DESC LIMIT 200`, [organizationId]);
  const events: EventView[] = [];
  for (const row of rows) events.push(await eventView(db, config, row, now));
  return { events };
}

import type { SecretBox } from '../../shared/crypto/index.ts';
import type { SqlValue } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { IssuerDeps } from '../deps.ts';
import { iinVault } from './iin.ts';
import { searchable } from './record.ts';
import { ACTIVITY_COLUMNS, activityView, type ActivityRow, type ActivityStatus, type ActivityView } from './view.ts';

export const LIST_STATUSES: readonly ActivityStatus[] = ['offered', 'claimed', 'revoked', 'withdrawn', 'expired'];

export interface ActivityPage {
  items: ActivityView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** How many activities match the other filters, by status (`total` for all of them). */
  counts?: Record<ActivityStatus | 'total', number>;
}

export interface ActivityFilter {
  status?: ActivityStatus;
  project?: string;
  /** Activities that ended on or after this date (`YYYY-MM-DD`). */
  from?: string;
  /** Activities that started on or before this date. */
  to?: string;
  upload?: string;
  /** Part of the volunteer's name, any case. */
  q?: string;
  ids?: string[];
}

export interface ListQuery extends ActivityFilter {
  cursor?: string;
  limit: number;
  counts?: boolean;
}

/** The WHERE clause of a filter, status aside, for one organization. */
function conditions(organizationId: string, f: ActivityFilter): { where: string[]; params: SqlValue[] } {
  const where = ['a.organization_id = ?'];
  const params: SqlValue[] = [organizationId];
  if (f.project) where.push('a.project = ?'), params.push(f.project);
  if (f.from) where.push('a.end_date >= ?'), params.push(f.from);
  if (f.to) where.push('a.start_date <= ?'), params.push(f.to);
  if (f.upload) where.push('a.upload_id = ?'), params.push(f.upload);
  if (f.q) where.push('a.volunteer_search LIKE ?'), params.push(`%${searchable(f.q).replace(/[%_]/g, '')}%`);
  if (f.ids) where.push(`a.id IN (${f.ids.map(() => '?').join(', ')})`), params.push(...f.ids);
  return { where, params };
}

function statusCondition(status: ActivityStatus, now: Date): { sql: string; params: SqlValue[] } {
  if (status === 'expired') return { sql: `a.status = 'offered' AND a.offer_expires_at <= ?`, params: [now.toISOString()] };
  if (status === 'offered') return { sql: `a.status = 'offered' AND a.offer_expires_at > ?`, params: [now.toISOString()] };
  return { sql: 'a.status = ?', params: [status] };
}

/**
 * An organization's own activities, newest first, a page at a time, filtered by status, project,
 * dates, upload and a part of the volunteer's name. The cursor is opaque to callers (the position
 * of the last item seen), so pages stay stable while new activities arrive.
 */
export async function listActivities(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, box: SecretBox, organizationId: string, query: ListQuery): Promise<ActivityPage> {
  const now = deps.now();
  const { where, params } = conditions(organizationId, query);
  const counts = query.counts ? await countByStatus(deps, where, params, now) : undefined;
  if (query.status) {
    const s = statusCondition(query.status, now);
    where.push(s.sql);
    params.push(...s.params);
  }
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor);
    where.push('(a.created_at < ? OR (a.created_at = ? AND a.id < ?))');
    params.push(createdAt, createdAt, id);
  }
  const iins = iinVault(deps.config.passportSecret);
  const rows = await deps.db.all<ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activities a LEFT JOIN credentials c ON c.activity_id = a.id
      WHERE ${where.join(' AND ')} ORDER BY a.created_at DESC, a.id DESC LIMIT ?`,
    [...params, query.limit + 1],
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => activityView(r, box, deps.config, now, iins)),
    nextCursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify([last.created_at, last.id])).toString('base64url') : null,
    ...(counts ? { counts } : {}),
  };
}

async function countByStatus(deps: Pick<IssuerDeps, 'db'>, where: string[], params: SqlValue[], now: Date): Promise<Record<ActivityStatus | 'total', number>> {
  // Grouped by the stored status only (PostgreSQL will not group by an expression with a parameter); lapsed offers are summed apart.
  const rows = await deps.db.all<{ status: string; lapsed: number | string | null; n: number | string }>(
    `SELECT a.status, SUM(CASE WHEN a.status = 'offered' AND a.offer_expires_at <= ? THEN 1 ELSE 0 END) AS lapsed, COUNT(*) AS n
       FROM activities a WHERE ${where.join(' AND ')} GROUP BY a.status`,
    [now.toISOString(), ...params],
  );
  const counts = { offered: 0, claimed: 0, revoked: 0, withdrawn: 0, expired: 0, total: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    const lapsed = Number(r.lapsed ?? 0);
    counts[r.status as ActivityStatus] += n - lapsed;
    counts.expired += lapsed;
    counts.total += n;
  }
  return counts;
}

/** Every activity a filter matches, newest first, up to `max` (for exports and cards). */
export async function allActivities(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, box: SecretBox, organizationId: string, filter: ActivityFilter, max = 10_000): Promise<ActivityView[]> {
  const now = deps.now();
  const { where, params } = conditions(organizationId, filter);
  if (filter.status) {
    const s = statusCondition(filter.status, now);
    where.push(s.sql);
    params.push(...s.params);
  }
  const rows = await deps.db.all<ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activities a LEFT JOIN credentials c ON c.activity_id = a.id
      WHERE ${where.join(' AND ')} ORDER BY a.created_at DESC, a.id DESC LIMIT ?`,
    [...params, max],
  );
  const iins = iinVault(deps.config.passportSecret);
  return rows.map((r) => activityView(r, box, deps.config, now, iins));
}

/** One of the organization's activities; another organization's is answered as absent. */
export async function getActivity(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, box: SecretBox, organizationId: string, id: string): Promise<ActivityView> {
  const row = await deps.db.get<ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activities a LEFT JOIN credentials c ON c.activity_id = a.id WHERE a.id = ? AND a.organization_id = ?`,
    [id, organizationId],
  );
  if (!row) throw new PassportError('not_found', `No activity ${id} of this organization`);
  return activityView(row, box, deps.config, deps.now(), iinVault(deps.config.passportSecret));
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as [string, string];
  } catch {
    // answered below
  }
  throw new PassportError('invalid_request', 'cursor is not one this service handed out', { field: 'cursor' });
}

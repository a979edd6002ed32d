import type { SecretBox } from '../../shared/crypto/index.ts';
import type { SqlValue } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { IssuerDeps } from '../deps.ts';
import { iinVault } from './iin.ts';
import { ACTIVITY_COLUMNS, activityView, type ActivityRow, type ActivityStatus, type ActivityView } from './view.ts';

export const LIST_STATUSES: readonly ActivityStatus[] = ['offered', 'claimed', 'revoked', 'withdrawn', 'expired'];

export interface ActivityPage {
  items: ActivityView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface ListQuery {
  status?: ActivityStatus;
  cursor?: string;
  limit: number;
}

/**
 * An organization's own activities, newest first, a page at a time. The cursor is opaque to
 * callers (the position of the last item seen), so pages stay stable while new activities arrive.
 */
export async function listActivities(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, box: SecretBox, organizationId: string, query: ListQuery): Promise<ActivityPage> {
  const now = deps.now();
  const where = ['a.organization_id = ?'];
  const params: SqlValue[] = [organizationId];
  if (query.status === 'expired' || query.status === 'offered') {
    where.push(`a.status = 'offered'`, query.status === 'expired' ? 'a.offer_expires_at <= ?' : 'a.offer_expires_at > ?');
    params.push(now.toISOString());
  } else if (query.status) {
    where.push('a.status = ?');
    params.push(query.status);
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
    items: page.map((r) => activityView(r, box, deps.config.issuerUrl, now, iins)),
    nextCursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify([last.created_at, last.id])).toString('base64url') : null,
  };
}

/** One of the organization's activities; another organization's is answered as absent. */
export async function getActivity(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, box: SecretBox, organizationId: string, id: string): Promise<ActivityView> {
  const row = await deps.db.get<ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activities a LEFT JOIN credentials c ON c.activity_id = a.id WHERE a.id = ? AND a.organization_id = ?`,
    [id, organizationId],
  );
  if (!row) throw new PassportError('not_found', `No activity ${id} of this organization`);
  return activityView(row, box, deps.config.issuerUrl, deps.now(), iinVault(deps.config.passportSecret));
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

import { z } from 'zod';
import type { LocalizedText } from '../../shared/credential/index.ts';
import type { SqlValue } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { isAdminToken, staffOf, type Actor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { localizedName } from '../organizations/index.ts';

const PAGE = 50;

export const JournalQuery = z.object({
  cursor: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').optional(),
});

export interface JournalEntry {
  seq: number;
  at: string;
  /** `staff:<id>`, `key:<id>`, `registry`, `holder:<did>`, or a unit for older entries. */
  actor: string;
  /** The person's name when a person acted; the key's name when a named API key did. */
  actorName?: string;
  action: string;
  subject: string;
  /** The person's or organization's name when the subject is one. */
  subjectName?: string | LocalizedText;
  unit: string | null;
  detail?: unknown;
}

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  unit: string | null;
  detail: string | null;
}

/**
 * The audit trail as an admin sees it, newest first: the registry's admins (and its token) see
 * everything; a front office's admins, what concerns their region; an organization's admins,
 * what concerns their organization. Each entry names the person or key that acted.
 */
export async function listJournal(deps: Pick<IssuerDeps, 'db'>, actor: Actor, cursor: number | undefined): Promise<{ entries: JournalEntry[]; nextCursor?: string }> {
  if (!isAdminToken(actor) && staffOf(actor)?.role !== 'admin') throw new PassportError('forbidden', 'The journal is for admins of a unit');
  const filters: [string, SqlValue][] = [];
  if (actor.kind === 'front_office') filters.push(['region = ?', actor.region]);
  if (actor.kind === 'organization') filters.push(['unit = ?', `organization:${actor.id}`]);
  if (cursor !== undefined) filters.push(['seq < ?', cursor]);
  const where = filters.length ? `WHERE ${filters.map(([sql]) => sql).join(' AND ')}` : '';
  const rows = await deps.db.all<Row>(
    `SELECT seq, at, actor, action, subject, unit, detail FROM audit_log ${where} ORDER BY seq DESC LIMIT ${PAGE + 1}`,
    filters.map(([, value]) => value),
  );
  const page = rows.slice(0, PAGE);
  const names = await namesOf(deps, page);
  const entries = page.map((row) => ({
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    ...(names.get(row.actor) ? { actorName: names.get(row.actor) as string } : {}),
    action: row.action,
    subject: row.subject,
    ...(names.get(subjectKey(row)) ? { subjectName: names.get(subjectKey(row))! } : {}),
    unit: row.unit,
    ...(row.detail ? { detail: JSON.parse(row.detail) as unknown } : {}),
  }));
  return { entries, ...(rows.length > PAGE ? { nextCursor: String(page.at(-1)!.seq) } : {}) };
}

/** The subject as a name key: people are `staff:<id>` already; organizations and offices by id. */
function subjectKey(row: Row): string {
  if (row.action.startsWith('organization.')) return `organization:${row.subject}`;
  if (row.action === 'front_office.created') return `front-office:${row.subject}`;
  return row.subject;
}

/** Names of the people, keys and units that a page of entries mentions, in four queries at most. */
async function namesOf(deps: Pick<IssuerDeps, 'db'>, rows: Row[]): Promise<Map<string, string | LocalizedText>> {
  const names = new Map<string, string | LocalizedText>();
  const mentioned = new Set(rows.flatMap((row) => [row.actor, subjectKey(row)]));
  const ids = (prefix: string) => [...mentioned].filter((m) => m.startsWith(prefix)).map((m) => m.slice(prefix.length));
  const lookups: [string, string, string[]][] = [
    ['staff:', 'SELECT id, name FROM staff WHERE id IN', ids('staff:')],
    ['key:', 'SELECT id, name FROM api_keys WHERE id IN', ids('key:')],
    ['organization:', 'SELECT id, name_kk, name_ru, name_en FROM organizations WHERE id IN', ids('organization:')],
    ['front-office:', 'SELECT id, name_kk, name_ru, name_en FROM front_offices WHERE id IN', ids('front-office:')],
  ];
  for (const [prefix, sql, list] of lookups) {
    if (list.length === 0) continue;
    const found = await deps.db.all<{ id: string; name?: string; name_kk?: string | null; name_ru?: string | null; name_en?: string | null }>(
      `${sql} (${list.map(() => '?').join(', ')})`,
      list,
    );
    for (const row of found) {
      if (prefix === 'key:' && !row.name) continue;
      names.set(prefix + row.id, row.name ?? localizedName({ name_kk: row.name_kk ?? null, name_ru: row.name_ru ?? null, name_en: row.name_en ?? null }));
    }
  }
  return names;
}

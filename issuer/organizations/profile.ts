import type { LocalizedText } from '../../shared/credential/index.ts';
import type { Queryable, SqlValue } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { TrustedOrganization } from '../../shared/trust/index.ts';

/** What anyone may read about an organization: the trust list's entry, plus its BIN. */
export interface OrganizationProfile extends TrustedOrganization {
  bin?: string;
}

export interface ProfileFilter {
  region?: string;
  status?: 'accredited' | 'suspended';
  /** Only organizations whose id sorts after this one (the listing's cursor). */
  after?: string;
  limit?: number;
}

interface OrganizationRow {
  id: string;
  did: string;
  name_kk: string | null;
  name_ru: string | null;
  name_en: string | null;
  region: string;
  bin: string | null;
  status: 'accredited' | 'suspended';
}

interface IntervalRow {
  organization_id: string;
  accredited_from: string;
  accredited_until: string | null;
}

/** The public profile of one organization, or `not_found`. */
export async function organizationProfile(db: Queryable, id: string): Promise<OrganizationProfile> {
  const [profile] = await organizationProfiles(db, { limit: 1, only: id });
  if (!profile) throw new PassportError('not_found', `No organization ${id}`);
  return profile;
}

/** Public profiles in id order, with their accreditation intervals oldest first. */
export async function organizationProfiles(db: Queryable, filter: ProfileFilter & { only?: string } = {}): Promise<OrganizationProfile[]> {
  const candidates: [string, string | undefined][] = [
    ['id = ?', filter.only],
    ['region = ?', filter.region],
    ['status = ?', filter.status],
    ['id > ?', filter.after],
  ];
  const conditions = candidates.filter((c): c is [string, string] => c[1] !== undefined);
  const where = conditions.map(([sql]) => sql);
  const params: SqlValue[] = conditions.map(([, value]) => value);
  const rows = await db.all<OrganizationRow>(
    `SELECT id, did, name_kk, name_ru, name_en, region, bin, status FROM organizations
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id ${filter.limit ? `LIMIT ${Math.floor(filter.limit)}` : ''}`,
    params,
  );
  const intervals = await intervalsOf(db, rows, conditions.length === 0 && !filter.limit);
  return rows.map((row) => toProfile(row, intervals.get(row.id) ?? []));
}

/** Intervals of the given organizations, in one query (all of them when `everyone`). */
async function intervalsOf(db: Queryable, rows: OrganizationRow[], everyone: boolean): Promise<Map<string, IntervalRow[]>> {
  const byOrganization = new Map<string, IntervalRow[]>();
  if (rows.length === 0) return byOrganization;
  const ids = rows.map((r) => r.id);
  const found = await db.all<IntervalRow>(
    `SELECT organization_id, accredited_from, accredited_until FROM accreditation_intervals
      ${everyone ? '' : `WHERE organization_id IN (${ids.map(() => '?').join(', ')})`} ORDER BY organization_id, seq`,
    everyone ? [] : ids,
  );
  for (const interval of found) {
    const list = byOrganization.get(interval.organization_id) ?? [];
    list.push(interval);
    byOrganization.set(interval.organization_id, list);
  }
  return byOrganization;
}

function toProfile(row: OrganizationRow, intervals: IntervalRow[]): OrganizationProfile {
  return {
    id: row.id,
    did: row.did,
    name: localizedName(row),
    region: row.region,
    ...(row.bin ? { bin: row.bin } : {}),
    status: row.status,
    accreditations: intervals.map((i) => ({ from: i.accredited_from, until: i.accredited_until })),
  };
}

/** The name columns as a `{kk, ru, en}` object holding only the languages given. */
export function localizedName(row: { name_kk: string | null; name_ru: string | null; name_en: string | null }): LocalizedText {
  return {
    ...(row.name_kk ? { kk: row.name_kk } : {}),
    ...(row.name_ru ? { ru: row.name_ru } : {}),
    ...(row.name_en ? { en: row.name_en } : {}),
  };
}

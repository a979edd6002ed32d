import type { LocalizedText } from '../../shared/credential/index.ts';
import type { Queryable, SqlValue } from '../../shared/db/index.ts';
import type { Attribution, StatsFilters } from './filters.ts';
import { publishedVolunteers, type VolunteerCount } from './small-cells.ts';

/** The measures of one cell of the accounting. */
export interface StatsMeasures {
  /** Distinct holders of claimed, non-revoked credentials; "<5" for small cells. */
  volunteers: VolunteerCount;
  /** Distinct organizations that recorded activities in the cell. */
  organizations: number;
  /** Activities recorded (withdrawn offers excluded). */
  activities: number;
  /** Credentials issued for those activities, revoked ones included. */
  credentialsClaimed: number;
  credentialsRevoked: number;
  /** Hours of claimed, non-revoked credentials only. */
  hours: number;
}

export interface VolunteerWorkStats {
  filters: StatsFilters;
  totals: StatsMeasures;
  byCategory: (StatsMeasures & { category: string })[];
  /** Keyed by the region `filters.by` attributes the work to. */
  byRegion: (StatsMeasures & { region: string })[];
  byProject: (StatsMeasures & { project: string | null })[];
  byOrganization: (StatsMeasures & { organization: string; name: LocalizedText; organizationRegion: string | null })[];
  byMonth: (StatsMeasures & { month: string })[];
}

const DIMENSIONS = {
  byCategory: 'category',
  byRegion: 'region',
  byProject: 'project',
  byOrganization: 'organization_id',
  byMonth: 'month',
} as const;
type Dimension = keyof typeof DIMENSIONS;

interface CellRow {
  dimension: 'totals' | Dimension;
  cell: string | null;
  volunteers: number;
  organizations: number;
  activities: number;
  credentials_claimed: number;
  credentials_revoked: number;
  hours: number | null;
}

const MEASURES = `
  COUNT(DISTINCT CASE WHEN credential_id IS NOT NULL AND revoked_at IS NULL THEN holder_did END) AS volunteers,
  COUNT(DISTINCT organization_id) AS organizations,
  COUNT(*) AS activities,
  COUNT(credential_id) AS credentials_claimed,
  COUNT(CASE WHEN credential_id IS NOT NULL AND revoked_at IS NOT NULL THEN 1 END) AS credentials_revoked,
  SUM(CASE WHEN credential_id IS NOT NULL AND revoked_at IS NULL THEN hours ELSE 0 END) AS hours`;

/**
 * The accounting of volunteer work under `filters`: totals and the five breakdowns, computed in
 * ONE statement so that every figure comes from the same snapshot of the data (totals always
 * agree with their rows, even while organizations keep recording). The joined rows are
 * materialized once (SQLite 3.35+, PostgreSQL 12+) rather than read again for each breakdown.
 * Activities are placed in the month, and filtered by the day, on which they ended: that is when
 * the work was completed. `filters.by` says which region work counts in, for the region filter
 * and the `byRegion` rows alike: where it took place, or where its organization is accredited.
 */
export async function volunteerWorkStats(db: Queryable, filters: StatsFilters): Promise<VolunteerWorkStats> {
  const { where, params } = whereClause(filters);
  const grouped = (Object.entries(DIMENSIONS) as [Dimension, string][]).map(
    ([dimension, column]) => `SELECT '${dimension}' AS dimension, ${column} AS cell, ${MEASURES} FROM work GROUP BY ${column}`,
  );
  const sql = `
    WITH work AS MATERIALIZED (
      SELECT a.organization_id, a.activity_category AS category, ${REGION_OF[filters.by]} AS region,
             a.activity_project AS project, a.activity_month AS month, a.activity_hours AS hours,
             c.id AS credential_id, c.holder_did, c.revoked_at
        FROM activities a ${filters.by === 'organization' ? 'JOIN organizations o ON o.id = a.organization_id' : ''}
        LEFT JOIN credentials c ON c.activity_id = a.id
       WHERE ${where}
    )
    SELECT 'totals' AS dimension, NULL AS cell, ${MEASURES} FROM work
    ${grouped.map((s) => `UNION ALL ${s}`).join('\n')}`;
  const rows = await db.all<CellRow>(sql, params);
  const cells = (dimension: Dimension) => rows.filter((r) => r.dimension === dimension);
  const totals = rows.find((r) => r.dimension === 'totals');
  const names = await organizationNames(db, cells('byOrganization').map((r) => r.cell!));
  return {
    filters,
    totals: measures(totals),
    byCategory: ordered(cells('byCategory')).map((r) => ({ category: r.cell ?? 'other', ...measures(r) })),
    byRegion: ordered(cells('byRegion')).map((r) => ({ region: r.cell ?? '', ...measures(r) })),
    byProject: ordered(cells('byProject')).map((r) => ({ project: r.cell, ...measures(r) })),
    byOrganization: ordered(cells('byOrganization')).map((r) => ({
      organization: r.cell!,
      name: names.get(r.cell!)?.name ?? {},
      organizationRegion: names.get(r.cell!)?.region ?? null,
      ...measures(r),
    })),
    byMonth: cells('byMonth')
      .filter((r) => r.cell)
      .sort((a, b) => a.cell!.localeCompare(b.cell!))
      .map((r) => ({ month: r.cell!, ...measures(r) })),
  };
}

/** The column that places a piece of work in a region, for each attribution. */
const REGION_OF: Record<Attribution, string> = { activity: 'a.activity_region', organization: 'o.region' };

function whereClause(filters: StatsFilters): { where: string; params: SqlValue[] } {
  // A withdrawn offer was retracted by its organization before anyone claimed it: not work done.
  const conditions = ["a.status <> 'withdrawn'"];
  const params: SqlValue[] = [];
  if (filters.region) conditions.push(`${REGION_OF[filters.by]} = ?`), params.push(filters.region);
  if (filters.from) conditions.push('a.activity_end_date >= ?'), params.push(filters.from);
  if (filters.to) conditions.push('a.activity_end_date <= ?'), params.push(filters.to);
  return { where: conditions.join(' AND '), params };
}

function measures(row: CellRow | undefined): StatsMeasures {
  return {
    volunteers: publishedVolunteers(Number(row?.volunteers ?? 0)),
    organizations: Number(row?.organizations ?? 0),
    activities: Number(row?.activities ?? 0),
    credentialsClaimed: Number(row?.credentials_claimed ?? 0),
    credentialsRevoked: Number(row?.credentials_revoked ?? 0),
    hours: Math.round(Number(row?.hours ?? 0) * 100) / 100,
  };
}

/**
 * Largest volume of work first. Ordered by hours, never by the true volunteer count, which
 * would let the order of suppressed cells reveal what "<5" hides.
 */
function ordered(rows: CellRow[]): CellRow[] {
  return [...rows].sort((a, b) => Number(b.hours ?? 0) - Number(a.hours ?? 0) || b.activities - a.activities || String(a.cell).localeCompare(String(b.cell)));
}

async function organizationNames(db: Queryable, ids: string[]): Promise<Map<string, { name: LocalizedText; region: string }>> {
  const out = new Map<string, { name: LocalizedText; region: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.all<{ id: string; name_kk: string | null; name_ru: string | null; name_en: string | null; region: string }>(
      `SELECT id, name_kk, name_ru, name_en, region FROM organizations WHERE id IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const r of rows) {
      const name: LocalizedText = {};
      if (r.name_kk) name.kk = r.name_kk;
      if (r.name_ru) name.ru = r.name_ru;
      if (r.name_en) name.en = r.name_en;
      out.set(r.id, { name, region: r.region });
    }
  }
  return out;
}

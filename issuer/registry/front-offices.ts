import type { TrustedFrontOffice } from '../../shared/trust/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import { localizedName } from '../organizations/index.ts';

/** Every regional front office, by region: the same facts the signed trust list publishes. */
export async function listFrontOffices(db: Queryable): Promise<TrustedFrontOffice[]> {
  const rows = await db.all<{ id: string; region: string; name_kk: string | null; name_ru: string | null; name_en: string | null }>(
    'SELECT id, region, name_kk, name_ru, name_en FROM front_offices ORDER BY region',
  );
  return rows.map((row) => ({ id: row.id, region: row.region, name: localizedName(row) }));
}

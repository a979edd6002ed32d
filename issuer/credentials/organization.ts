import type { Queryable } from '../../shared/db/index.ts';
import type { LocalizedText } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';

/** What issuing needs to know of an organization: its DID, its names, and whether it may issue. */
export interface IssuingOrganization {
  id: string;
  did: string;
  name: LocalizedText;
  status: 'accredited' | 'suspended';
}

export async function findOrganization(q: Queryable, id: string): Promise<IssuingOrganization | undefined> {
  const row = await q.get<{ id: string; did: string; name_kk: string | null; name_ru: string | null; name_en: string | null; status: 'accredited' | 'suspended' }>(
    'SELECT id, did, name_kk, name_ru, name_en, status FROM organizations WHERE id = ?',
    [id],
  );
  if (!row) return undefined;
  const name: LocalizedText = {};
  if (row.name_kk) name.kk = row.name_kk;
  if (row.name_ru) name.ru = row.name_ru;
  if (row.name_en) name.en = row.name_en;
  return { id: row.id, did: row.did, name, status: row.status };
}

/**
 * The organization, if it may record activities and issue credentials now. A suspended one may
 * not (DESIGN.md, "Trust"): what it issued while accredited stays valid, but nothing new is added.
 * Read inside the caller's transaction, so a suspension committed first always wins.
 */
export async function accreditedOrganization(q: Queryable, id: string): Promise<IssuingOrganization> {
  const org = await findOrganization(q, id);
  if (!org) throw new PassportError('forbidden', `Organization ${id} is not registered`);
  if (org.status !== 'accredited') {
    throw new PassportError('forbidden', `Organization ${id} is suspended: it cannot record activities or issue credentials`);
  }
  return org;
}

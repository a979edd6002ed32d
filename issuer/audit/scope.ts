import type { Queryable } from '../../shared/db/index.ts';
import { findUnit, parseUnit } from '../staff/units.ts';
import type { AuditEntry } from './append.ts';

/**
 * The unit an entry concerns (`front-office:{id}`, `organization:{id}`) and that unit's region,
 * stored beside it so an admin sees the entries of their unit and of the units below it with
 * one indexed query. Accreditation and key entries concern the organization or office named;
 * issuing ones, the organization that acted; people's and API keys' entries say their unit.
 * These two columns are an index for reading, not part of what the hash chain proves.
 */
export async function scopesOf(tx: Queryable, entries: readonly AuditEntry[]): Promise<{ unit: string | null; region: string | null }[]> {
  const regions = new Map<string, string | null>();
  const scopes: { unit: string | null; region: string | null }[] = [];
  for (const entry of entries) {
    const unit = entry.unit ?? unitOfEntry(entry);
    if (unit && !regions.has(unit)) {
      const parsed = parseUnit(unit);
      regions.set(unit, parsed ? ((await findUnit(tx, parsed))?.region ?? null) : null);
    }
    scopes.push({ unit: unit ?? null, region: unit ? regions.get(unit)! : null });
  }
  return scopes;
}

function unitOfEntry(entry: AuditEntry): string | undefined {
  if (entry.action === 'front_office.created') return `front-office:${entry.subject}`;
  if (entry.action.startsWith('organization.')) return `organization:${entry.subject}`;
  return entry.actor.kind === 'organization' ? `organization:${entry.actor.id}` : undefined;
}

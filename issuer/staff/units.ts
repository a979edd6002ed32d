import type { LocalizedText } from '../../shared/credential/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { Actor } from '../auth/index.ts';

/**
 * A unit that has people: the national registry, a regional front office, or an organization.
 * In the API a unit is written `registry`, `front-office:{id}` or `organization:{id}`.
 */
export type UnitKind = 'registry' | 'front_office' | 'organization';
export interface Unit {
  kind: UnitKind;
  /** `registry` for the registry. */
  id: string;
}

/** A unit as it exists: its region (none for the registry) and its name. */
export interface UnitRecord extends Unit {
  region: string | null;
  name: LocalizedText;
}

export const REGISTRY_UNIT: UnitRecord = { kind: 'registry', id: 'registry', region: null, name: {} };

const UNIT_PATTERN = /^(?:registry|(front-office|organization):([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?))$/;

/** `registry`, `front-office:{id}`, `organization:{id}` → the unit, or undefined. */
export function parseUnit(text: string): Unit | undefined {
  const match = UNIT_PATTERN.exec(text);
  if (!match) return undefined;
  if (!match[1]) return { kind: 'registry', id: 'registry' };
  return { kind: match[1] === 'front-office' ? 'front_office' : 'organization', id: match[2]! };
}

/** The API's name of a unit: `registry`, `front-office:{id}`, `organization:{id}`. */
export function unitName(unit: Unit): string {
  if (unit.kind === 'registry') return 'registry';
  return `${unit.kind === 'front_office' ? 'front-office' : 'organization'}:${unit.id}`;
}

/** The unit that `actor` acts for (a person's unit, or the owner of an API key). */
export function unitOfActor(actor: Actor): Unit {
  return actor.kind === 'registry' ? { kind: 'registry', id: 'registry' } : { kind: actor.kind, id: actor.id };
}

/** The unit as it exists, or undefined when no such front office or organization exists. */
export async function findUnit(db: Queryable, unit: Unit): Promise<UnitRecord | undefined> {
  if (unit.kind === 'registry') return REGISTRY_UNIT;
  const table = unit.kind === 'front_office' ? 'front_offices' : 'organizations';
  const row = await db.get<{ region: string; name_kk: string | null; name_ru: string | null; name_en: string | null }>(
    `SELECT region, name_kk, name_ru, name_en FROM ${table} WHERE id = ?`,
    [unit.id],
  );
  if (!row) return undefined;
  const name: LocalizedText = {
    ...(row.name_kk ? { kk: row.name_kk } : {}),
    ...(row.name_ru ? { ru: row.name_ru } : {}),
    ...(row.name_en ? { en: row.name_en } : {}),
  };
  return { ...unit, region: row.region, name };
}

/** `findUnit`, or `not_found` naming the field the unit came from. */
export async function existingUnit(db: Queryable, unit: Unit, field = 'unit'): Promise<UnitRecord> {
  const found = await findUnit(db, unit);
  if (!found) throw new PassportError('not_found', `No ${unitName(unit)}`, { field });
  return found;
}

/**
 * Is `unit` the actor's own unit or one below it? The registry is above everything; a front
 * office is above the organizations of its region; an organization is above nothing.
 */
export function covers(actor: Actor, unit: UnitRecord): boolean {
  if (actor.kind === 'registry') return true;
  if (actor.kind === unit.kind && actor.id === unit.id) return true;
  return actor.kind === 'front_office' && unit.kind === 'organization' && unit.region === actor.region;
}

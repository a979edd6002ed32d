import { isAdminToken, staffOf, type Actor } from '../auth/index.ts';
import { covers, type UnitRecord } from './units.ts';

/**
 * May `actor` manage the people and API keys of `unit`? The registry's admin token (it bootstraps
 * everything), and a person with the `admin` role in that unit or in one above it. API keys are
 * for machines: they do the unit's work but never manage who may act for it.
 */
export function mayAdminister(actor: Actor | undefined, unit: UnitRecord): boolean {
  if (!actor) return false;
  if (isAdminToken(actor)) return true;
  return staffOf(actor)?.role === 'admin' && covers(actor, unit);
}

/** May `actor` see who the people of `unit` are? The admin token, or any person of that unit or one above. */
export function maySeePeople(actor: Actor | undefined, unit: UnitRecord): boolean {
  if (!actor) return false;
  if (isAdminToken(actor)) return true;
  return staffOf(actor) !== undefined && covers(actor, unit);
}

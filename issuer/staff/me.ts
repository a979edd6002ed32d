import type { LocalizedText } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { staffOf, type Actor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { findUnit, unitName, type UnitKind } from './units.ts';

export interface Me {
  id: string;
  name: string;
  login: string;
  role: string;
  unit: string;
  unitKind: UnitKind;
  unitId: string;
  unitName: LocalizedText;
  region: string | null;
}

/** The signed-in person, with their unit: what the console needs to draw its menu. */
export async function whoAmI(deps: Pick<IssuerDeps, 'db'>, actor: Actor): Promise<Me> {
  const staff = staffOf(actor);
  if (!staff) throw new PassportError('forbidden', 'This route is for people signed in to the console, not for API keys or the admin token');
  const person = await deps.db.get<{ name: string; login: string; role: string; unit_kind: UnitKind; unit_id: string }>(
    'SELECT name, login, role, unit_kind, unit_id FROM staff WHERE id = ?',
    [staff.id],
  );
  if (!person) throw new PassportError('unauthorized', 'The session has ended; sign in again');
  const unit = await findUnit(deps.db, { kind: person.unit_kind, id: person.unit_id });
  return {
    id: staff.id,
    name: person.name,
    login: person.login,
    role: person.role,
    unit: unitName({ kind: person.unit_kind, id: person.unit_id }),
    unitKind: person.unit_kind,
    unitId: person.unit_id,
    unitName: unit?.name ?? {},
    region: unit?.region ?? null,
  };
}

import { PassportError } from '../../shared/errors.ts';
import type { Actor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { maySeePeople } from './authority.ts';
import { existingUnit, unitName, unitOfActor, type Unit } from './units.ts';

export interface Person {
  id: string;
  name: string;
  email?: string;
  login?: string;
  role: string;
  status: 'invited' | 'active';
  unit: string;
  joinedAt?: string;
  /** While invited: until when the current link works (it may have expired: then reset). */
  invitationExpiresAt?: string;
}

interface PersonRow {
  id: string;
  name: string;
  email: string | null;
  login: string | null;
  role: string;
  status: 'invited' | 'active';
  joined_at: string | null;
  expires_at: string | null;
}

/** The people of a unit (the caller's own by default), admins first, then by name; removed people are left out. */
export async function listPeople(deps: Pick<IssuerDeps, 'db'>, actor: Actor, asked: Unit | undefined): Promise<Person[]> {
  const unit = await existingUnit(deps.db, asked ?? unitOfActor(actor));
  if (!maySeePeople(actor, unit)) throw new PassportError('forbidden', `Only people of ${unitName(unit)} or of a unit above it see its people`, { field: 'unit' });
  const rows = await deps.db.all<PersonRow>(
    `SELECT p.id, p.name, p.email, p.login, p.role, p.status, p.joined_at, i.expires_at
       FROM staff p
       LEFT JOIN staff_invitations i ON i.staff_id = p.id AND i.used_at IS NULL
      WHERE p.unit_kind = ? AND p.unit_id = ? AND p.status <> 'removed'
      ORDER BY CASE p.role WHEN 'admin' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, p.name, p.id`,
    [unit.kind, unit.id],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    ...(r.email ? { email: r.email } : {}),
    ...(r.login ? { login: r.login } : {}),
    role: r.role,
    status: r.status,
    unit: unitName(unit),
    ...(r.joined_at ? { joinedAt: r.joined_at } : {}),
    ...(r.status === 'invited' && r.expires_at ? { invitationExpiresAt: r.expires_at } : {}),
  }));
}

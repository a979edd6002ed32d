import type { LocalizedText } from '../../shared/credential/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { usableInvitation } from './accept.ts';
import { findUnit, unitName } from './units.ts';

export interface InvitationView {
  unit: string;
  unitName: LocalizedText;
  role: string;
  name: string;
  /** What the login field starts with: the login kept over a reset, else the invited address. */
  login?: string;
  expiresAt: string;
}

/** What the invitation page shows before the person chooses a password: who invites whom, to what. */
export async function viewInvitation(deps: Pick<IssuerDeps, 'db' | 'now'>, token: string): Promise<InvitationView> {
  const invitation = await usableInvitation(deps.db, token, deps.now());
  const person = await deps.db.get<{ role: string; name: string; email: string | null; login: string | null }>(
    'SELECT role, name, email, login FROM staff WHERE id = ?',
    [invitation.staff_id],
  );
  const unit = { kind: invitation.unit_kind, id: invitation.unit_id };
  const found = await findUnit(deps.db, unit);
  const login = person?.login ?? person?.email ?? undefined;
  return {
    unit: unitName(unit),
    unitName: found?.name ?? {},
    role: person?.role ?? 'viewer',
    name: person?.name ?? '',
    ...(login ? { login } : {}),
    expiresAt: invitation.expires_at,
  };
}

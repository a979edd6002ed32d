import { z } from 'zod';
import { hashToken, newToken } from '../../shared/crypto/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { parseInput } from '../../shared/http/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { anyPassword, staffLogin } from './fields.ts';
import { checkPassword, type SignInLimit } from '../../shared/auth/index.ts';
import { STAFF_TOKEN_PREFIX } from './session-actor.ts';
import { unitName } from './units.ts';

const SignInInput = z.object({ login: staffLogin, password: anyPassword }).strict();

export interface StaffSession {
  token: string;
  expiresAt: string;
  staff: { id: string; unit: string; role: string };
}

/**
 * Signs a person in. An unknown login and a wrong password take the same time (the decoy hash is
 * checked) and get the same answer. The token is handed out once and kept only as its SHA-256;
 * the session ends after the configured idle time without a request.
 */
export async function signIn(deps: Pick<IssuerDeps, 'config' | 'db' | 'now'>, limit: SignInLimit, body: unknown, client: string): Promise<StaffSession> {
  const input = parseInput(SignInInput, body);
  await limit.before(input.login, client);
  const person = await deps.db.get<{ id: string; password_hash: string; role: string; unit_kind: 'registry' | 'front_office' | 'organization'; unit_id: string }>(
    "SELECT id, password_hash, role, unit_kind, unit_id FROM staff WHERE login = ? AND status = 'active'",
    [input.login],
  );
  const matches = await checkPassword(input.password, person?.password_hash);
  await limit.after(input.login, client, matches);
  if (!person || !matches) throw new PassportError('unauthorized', 'The login or the password is wrong');

  const now = deps.now();
  const token = newToken(STAFF_TOKEN_PREFIX.slice(0, -1));
  const expiresAt = new Date(now.getTime() + deps.config.staffSessionIdleSeconds * 1000).toISOString();
  await deps.db.run('INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
    hashToken(token),
    person.id,
    now.toISOString(),
    now.toISOString(),
    expiresAt,
  ]);
  // Ended sessions of this person go when a new one begins, so the table does not grow forever.
  await deps.db.run('DELETE FROM staff_sessions WHERE staff_id = ? AND expires_at <= ?', [person.id, now.toISOString()]);
  return { token, expiresAt, staff: { id: person.id, unit: unitName({ kind: person.unit_kind, id: person.unit_id }), role: person.role } };
}

/** Signs out: the token stops working at once, on every instance. */
export async function endSession(deps: Pick<IssuerDeps, 'db'>, token: string): Promise<void> {
  await deps.db.run('DELETE FROM staff_sessions WHERE token_hash = ?', [hashToken(token)]);
}

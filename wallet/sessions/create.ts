import { z } from 'zod';
import { AnyPasswordSchema, checkPassword, LoginSchema, type SignInLimit } from '../../shared/auth/index.ts';
import { hashToken, newToken } from '../../shared/crypto/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { parseInput } from '../../shared/http/index.ts';
import type { WalletDeps } from '../deps.ts';
import { SESSION_LIFETIME_MS } from './cookie.ts';

const SignInSchema = z.object({ login: LoginSchema, password: AnyPasswordSchema }).strict();

export interface NewSession {
  token: string;
  expiresAt: string;
  did: string;
}

/**
 * Signs a volunteer in. The attempt is counted (`limit.before`) before the password is hashed,
 * so a burst of guesses is refused instead of evaluated. An unknown login and a wrong password
 * take the same time (a decoy hash is checked) and get the same answer. The session token is
 * handed out once and stored only as its SHA-256.
 */
export async function signIn(deps: Pick<WalletDeps, 'db' | 'now'>, limit: SignInLimit, body: unknown, client: string): Promise<NewSession> {
  const input = parseInput(SignInSchema, body);
  await limit.before(input.login, client);
  const account = await deps.db.get<{ id: string; did: string; password_hash: string }>(
    'SELECT id, did, password_hash FROM accounts WHERE login = ?',
    [input.login],
  );
  const ok = await checkPassword(input.password, account?.password_hash);
  await limit.after(input.login, client, ok);
  if (!account || !ok) throw new PassportError('unauthorized', 'The login or the password is wrong');
  const now = deps.now();
  const token = newToken('vp_session');
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await deps.db.run('INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
    hashToken(token),
    account.id,
    now.toISOString(),
    expiresAt.toISOString(),
  ]);
  // Expired sessions of this volunteer go when a new one begins, so the table does not grow forever.
  await deps.db.run('DELETE FROM sessions WHERE account_id = ? AND expires_at <= ?', [account.id, now.toISOString()]);
  return { token, expiresAt: expiresAt.toISOString(), did: account.did };
}

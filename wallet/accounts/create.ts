import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import type { WalletDeps } from '../deps.ts';
import { parseInput } from '../../shared/http/index.ts';
import { hashPassword } from './password.ts';
import { LoginSchema, NewPasswordSchema } from './rules.ts';

const NewAccountSchema = z.object({ login: LoginSchema, password: NewPasswordSchema }).strict();

/**
 * Opens a volunteer's passport: a login, a scrypt hash of the password, and a fresh did:key whose
 * seed is sealed with `PASSPORT_SECRET`. The DID is the volunteer's for life: credentials are
 * issued to it.
 */
export async function createAccount(deps: Pick<WalletDeps, 'db' | 'holders' | 'now'>, body: unknown): Promise<{ id: string; did: string }> {
  const input = parseInput(NewAccountSchema, body);
  const passwordHash = await hashPassword(input.password);
  const key = deps.holders.create();
  const id = randomUUID();
  const inserted = await deps.db.run(
    `INSERT INTO accounts (id, login, password_hash, did, public_key, sealed_key, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (login) DO NOTHING`,
    [id, input.login, passwordHash, key.did, key.publicKey, key.sealedKey, deps.now().toISOString()],
  );
  if (inserted.changes === 0) throw new PassportError('conflict', `The login ${input.login} is taken`, { field: 'login' });
  return { id, did: key.did };
}

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hashPassword, LoginSchema, NewPasswordSchema, type SignUpLimit } from '../../shared/auth/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { parseInput } from '../../shared/http/index.ts';
import type { WalletDeps } from '../deps.ts';
import { replaceRecoveryCodes } from './recovery-codes.ts';

const NewAccountSchema = z.object({ login: LoginSchema, password: NewPasswordSchema }).strict();

/**
 * Opens a volunteer's passport: a login, a scrypt hash of the password, and a fresh did:key whose
 * seed is sealed with `PASSPORT_SECRET`. The DID is the volunteer's for life: credentials are
 * issued to it.
 *
 * A taken login is answered as such (409, `field: login`): logins are chosen by people, who must
 * be told to pick another. That makes sign-up able to tell whether a login exists, so sign-ups
 * are counted per client address (`limit`) before anything is hashed (docs/security.md).
 * The answer carries ten recovery codes, the only time they are shown (docs/wallet.md).
 */
export async function createAccount(
  deps: Pick<WalletDeps, 'db' | 'holders' | 'now'>,
  body: unknown,
  limit?: { signUps: SignUpLimit; client: string },
): Promise<{ id: string; did: string; recoveryCodes: string[] }> {
  const input = parseInput(NewAccountSchema, body);
  await limit?.signUps.before(limit.client);
  const passwordHash = await hashPassword(input.password);
  const key = deps.holders.create();
  const id = randomUUID();
  const inserted = await deps.db.run(
    `INSERT INTO accounts (id, login, password_hash, did, public_key, sealed_key, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (login) DO NOTHING`,
    [id, input.login, passwordHash, key.did, key.publicKey, key.sealedKey, deps.now().toISOString()],
  );
  if (inserted.changes === 0) throw new PassportError('conflict', `The login ${input.login} is taken`, { field: 'login' });
  // Shown once, here: the way back in if the password is forgotten (only their hashes are kept).
  const recoveryCodes = await replaceRecoveryCodes(deps.db, id, deps.now());
  return { id, did: key.did, recoveryCodes };
}

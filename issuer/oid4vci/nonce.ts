import { hashToken, randomId } from '../../shared/crypto/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { IssuerDeps } from '../deps.ts';
import { NONCE_TTL_SECONDS } from './constants.ts';

/** Expired nonces are swept out at most this often per process (a sweep on every nonce cost a statement each time). */
const SWEEP_EVERY_MS = 10_000;
const lastSweep = new WeakMap<object, number>();

/**
 * A fresh `c_nonce` for a credential request's proof (OpenID4VCI 1.0, section 7). Stored hashed,
 * expiring, and single use; expired ones are swept every few seconds as new ones are made, so the
 * table stays small (an expired nonce left a little longer is refused all the same). One statement,
 * no transaction: the nonce is one row.
 */
export async function newCredentialNonce(deps: Pick<IssuerDeps, 'db' | 'now'>): Promise<{ c_nonce: string }> {
  const now = deps.now();
  const nonce = randomId(24);
  await deps.db.run('INSERT INTO credential_nonces (nonce_hash, expires_at) VALUES (?, ?)', [
    hashToken(nonce),
    new Date(now.getTime() + NONCE_TTL_SECONDS * 1000).toISOString(),
  ]);
  const last = lastSweep.get(deps.db);
  if (last === undefined || Math.abs(now.getTime() - last) >= SWEEP_EVERY_MS) {
    lastSweep.set(deps.db, now.getTime());
    await deps.db.run('DELETE FROM credential_nonces WHERE expires_at <= ?', [now.toISOString()]);
  }
  return { c_nonce: nonce };
}

/** Uses up a nonce inside the issuing transaction; `invalid_nonce` when it is unknown, used or expired. */
export async function consumeNonce(tx: Queryable, nonce: string, now: Date): Promise<void> {
  const { changes } = await tx.run('DELETE FROM credential_nonces WHERE nonce_hash = ? AND expires_at > ?', [hashToken(nonce), now.toISOString()]);
  if (changes !== 1) {
    throw new PassportError('invalid_nonce', 'The proof nonce is unknown, already used or expired; get a fresh c_nonce from the nonce endpoint', { field: 'proof.nonce' });
  }
}

import type { Config } from '../../shared/config.ts';
import { createKeyedHash, hashToken } from '../../shared/crypto/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';

/** How often a wallet should ask the deferred endpoint again, in seconds (OpenID4VCI 1.0 `interval`). */
export const DEFERRED_INTERVAL_SECONDS = 60;

/**
 * A check-in's `transaction_id`: a keyed hash of its id, so a second check-in by the same wallet
 * is answered with the same transaction without the id being stored (only its SHA-256 is).
 */
export function transactionIdOf(config: Pick<Config, 'passportSecret'>, checkInId: string): string {
  return createKeyedHash(config.passportSecret, 'event-transactions')(checkInId);
}

export interface CheckInRow {
  id: string;
  event_id: string;
  holder_did: string;
  name: string;
  status: 'waiting' | 'confirmed' | 'declined' | 'cancelled';
  checked_in_at: string;
  expires_at: string;
  hours: number | null;
  role: string | null;
  reason: string | null;
  decided_at: string | null;
  activity_id: string | null;
  credential_id: string | null;
  fetched_at: string | null;
}

export const CHECK_IN_COLUMNS = 'id, event_id, holder_did, name, status, checked_in_at, expires_at, hours, role, reason, decided_at, activity_id, credential_id, fetched_at';

/** What a wallet sees of its check-in: `expired` is a waiting one past its life. */
export type CheckInState = CheckInRow['status'] | 'expired';

export function checkInState(row: Pick<CheckInRow, 'status' | 'expires_at'>, now: Date): CheckInState {
  return row.status === 'waiting' && row.expires_at <= now.toISOString() ? 'expired' : row.status;
}

/**
 * The check-in a deferred request names: its bearer token must be the one that checked in (or a
 * later one the same key checked in with again), and the transaction id that check-in's.
 */
export async function checkInOfTransaction(db: Queryable, accessToken: string | undefined, transactionId: unknown, lock = ''): Promise<CheckInRow> {
  if (!accessToken) throw new PassportError('invalid_token', 'The deferred credential endpoint needs the access token as Authorization: Bearer');
  const token = await db.get<{ check_in_id: string | null }>('SELECT check_in_id FROM event_access_tokens WHERE token_hash = ?', [hashToken(accessToken)]);
  if (!token) throw new PassportError('invalid_token', 'The access token is not valid');
  if (typeof transactionId !== 'string' || !transactionId) {
    throw new PassportError('invalid_credential_request', 'transaction_id is required', { field: 'transaction_id' });
  }
  const row = await db.get<CheckInRow>(`SELECT ${CHECK_IN_COLUMNS} FROM event_check_ins WHERE transaction_hash = ?${lock}`, [hashToken(transactionId)]);
  if (!row || row.id !== token.check_in_id) throw new PassportError('invalid_transaction_id', 'The transaction_id is not one this access token started');
  return row;
}

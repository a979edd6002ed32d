import { randomUUID, createHash } from 'node:crypto';
import type { Volunteer } from '../accounts/volunteer.ts';
import type { DeferredIssuance } from '../claim/credential-request.ts';
import type { WalletDeps } from '../deps.ts';
import { CHECK_IN_COLUMNS, checkInBox, checkInView, eventOf, type CheckInRow, type CheckInView } from './view.ts';

export interface Deferred extends DeferredIssuance {
  issuer: string;
  accessToken: string;
  deferredEndpoint: string;
  cancelEndpoint: string | undefined;
}

/**
 * Keeps a check-in the issuer answered with deferred issuance. The issuer answers a second
 * check-in to the same event with the same transaction: then the row that exists is kept (with the
 * newer access token) and shown again, marked `existing`.
 */
export async function rememberCheckIn(deps: Pick<WalletDeps, 'db' | 'config' | 'now'>, volunteer: Volunteer, deferred: Deferred): Promise<CheckInView & { existing: boolean }> {
  const now = deps.now().toISOString();
  const transactionHash = createHash('sha256').update(deferred.transactionId).digest('hex');
  const sealed = checkInBox(deps.config.passportSecret).seal(Buffer.from(JSON.stringify({ accessToken: deferred.accessToken, transactionId: deferred.transactionId })));
  return deps.db.transaction(async (tx) => {
    const inserted = await tx.run(
      `INSERT INTO check_ins (id, account_id, issuer, deferred_endpoint, cancel_endpoint, transaction_hash, sealed, event, status, interval_seconds, checked_in_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?) ON CONFLICT (account_id, issuer, transaction_hash) DO NOTHING`,
      [randomUUID(), volunteer.id, deferred.issuer, deferred.deferredEndpoint, deferred.cancelEndpoint ?? null, transactionHash, sealed, JSON.stringify(eventOf(deferred.event)), Math.round(deferred.interval), now, now],
    );
    if (inserted.changes === 0) {
      // A check-in cancelled and taken up again is waiting once more.
      await tx.run(
        "UPDATE check_ins SET sealed = ?, status = CASE WHEN status = 'cancelled' THEN 'waiting' ELSE status END, updated_at = ? WHERE account_id = ? AND issuer = ? AND transaction_hash = ?",
        [sealed, now, volunteer.id, deferred.issuer, transactionHash],
      );
    }
    const row = (await tx.get<CheckInRow>(`SELECT ${CHECK_IN_COLUMNS} FROM check_ins WHERE account_id = ? AND issuer = ? AND transaction_hash = ?`, [volunteer.id, deferred.issuer, transactionHash]))!;
    return { ...checkInView(row), existing: inserted.changes === 0 };
  });
}

import { PassportError } from '../../shared/errors.ts';
import type { Volunteer } from '../accounts/volunteer.ts';
import type { WalletDeps } from '../deps.ts';
import { CHECK_IN_COLUMNS, checkInBox, checkInView, openSecrets, type CheckInRow, type CheckInView } from './view.ts';

/**
 * Cancels a waiting check-in at its issuer (the Volunteer Passport issuer's cancel endpoint), then
 * here. The issuer decides: a check-in confirmed or declined meanwhile is refused with `conflict`.
 */
export async function cancelCheckIn(deps: WalletDeps, volunteer: Volunteer, id: string): Promise<CheckInView> {
  const row = await deps.db.get<CheckInRow>(`SELECT ${CHECK_IN_COLUMNS} FROM check_ins WHERE id = ? AND account_id = ?`, [id, volunteer.id]);
  if (!row) throw new PassportError('not_found', `No check-in ${id} in this passport`);
  if (row.status === 'cancelled') return checkInView(row);
  if (row.status !== 'waiting' || !row.cancel_endpoint) throw new PassportError('conflict', `The check-in is ${row.status} and cannot be cancelled`);
  const secrets = openSecrets(checkInBox(deps.config.passportSecret), row.sealed);
  const res = await deps.fetch(row.cancel_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${secrets.accessToken}` },
    body: JSON.stringify({ transaction_id: secrets.transactionId }),
  });
  if (res.status === 409) throw new PassportError('conflict', 'The coordinator has already decided on this check-in: refresh to see it');
  if (res.status !== 200) throw new PassportError('upstream_unavailable', `The issuer answered HTTP ${res.status} to the cancellation`);
  const at = deps.now().toISOString();
  await deps.db.run("UPDATE check_ins SET status = 'cancelled', updated_at = ? WHERE id = ?", [at, id]);
  return checkInView({ ...row, status: 'cancelled', updated_at: at });
}

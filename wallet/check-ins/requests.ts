import { z } from 'zod';
import { hashToken, randomId } from '../../shared/crypto/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { parseInput } from '../../shared/http/index.ts';
import { qrDataUrl } from '../../shared/qr.ts';
import { findVolunteer, type Volunteer } from '../accounts/index.ts';
import { claimOffer, type ClaimAnswer } from '../claim/claim.ts';
import type { WalletDeps } from '../deps.ts';

/** How long a personal check-in QR works: long enough to reach the coordinator's table. */
export const CHECK_IN_REQUEST_SECONDS = 600;

export interface CheckInRequest {
  /** The one-time link the coordinator's page scans; the issuer posts the event's offer to it. */
  url: string;
  /** The same link as a QR image (`data:image/png`). */
  qr: string;
  expiresAt: string;
}

/** A personal check-in QR, for a volunteer whose camera does not work: single use, 10 minutes. */
export async function createCheckInRequest(deps: Pick<WalletDeps, 'db' | 'config' | 'now'>, volunteer: Volunteer): Promise<CheckInRequest> {
  const token = randomId(32);
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + CHECK_IN_REQUEST_SECONDS * 1000).toISOString();
  await deps.db.run('DELETE FROM check_in_requests WHERE expires_at <= ?', [now.toISOString()]);
  await deps.db.run('INSERT INTO check_in_requests (token_hash, account_id, expires_at) VALUES (?, ?, ?)', [hashToken(token), volunteer.id, expiresAt]);
  const url = `${deps.config.walletUrl}/v1/check-ins/inbox/${token}`;
  return { url, qr: await qrDataUrl(url), expiresAt };
}

const InboxSchema = z.object({ offerUri: z.string({ message: 'must be a string' }).trim().min(1, 'must not be empty').max(8_192) }).strict();

/**
 * `POST /v1/check-ins/inbox/{token}`: an issuer hands the event's offer to the volunteer whose
 * personal QR the coordinator scanned. The token (used once, within its 10 minutes) stands for
 * the volunteer; the offer is then claimed exactly as a scanned one would be, so it proves the
 * volunteer's own key and checks in.
 */
export async function receiveOffer(deps: WalletDeps, token: string, body: unknown): Promise<ClaimAnswer> {
  const input = parseInput(InboxSchema, body);
  const now = deps.now().toISOString();
  const used = await deps.db.transaction(async (tx) => {
    const row = await tx.get<{ account_id: string }>('SELECT account_id FROM check_in_requests WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?', [hashToken(token), now]);
    if (!row) return undefined;
    await tx.run('UPDATE check_in_requests SET used_at = ? WHERE token_hash = ?', [now, hashToken(token)]);
    return row.account_id;
  });
  if (!used) throw new PassportError('not_found', 'This check-in QR is unknown, used or expired: ask the volunteer to show a new one');
  const volunteer = await findVolunteer(deps.db, used);
  if (!volunteer) throw new PassportError('not_found', 'This check-in QR is unknown, used or expired');
  return claimOffer(deps, volunteer, { offerUri: input.offerUri });
}

import { forUpdate } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { IssuerDeps } from '../deps.ts';
import { CONFIGURATION_ID } from '../oid4vci/constants.ts';
import { sign, type ActivityRow } from '../oid4vci/credential.ts';
import { findOrganization } from '../credentials/organization.ts';
import { statusEntry } from '../status/url.ts';
import { checkInOfTransaction, checkInState, DEFERRED_INTERVAL_SECONDS } from './transaction.ts';

export type DeferredResponse = { status: 200; body: { credentials: { credential: string }[] } } | { status: 202; body: { transaction_id: string; interval: number } };

/**
 * The Deferred Credential Endpoint (OpenID4VCI 1.0, section 9). While the coordinator has not
 * confirmed: 202 with the same `transaction_id` and the `interval`. Once confirmed: 200 with the
 * credential, signed for the key that checked in (the credential, its status slot and the audit
 * entry were recorded at confirmation, so it can be fetched again if a response was lost).
 * Declined: `credential_request_denied` with the coordinator's reason; cancelled or expired:
 * `invalid_transaction_id`, each with `check_in_status` saying which.
 */
export async function deferredCredential(deps: IssuerDeps, accessToken: string | undefined, body: unknown): Promise<DeferredResponse> {
  const transactionId = (body as { transaction_id?: unknown } | null)?.transaction_id;
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const row = await checkInOfTransaction(tx, accessToken, transactionId, forUpdate(tx));
    const state = checkInState(row, now);
    if (state === 'waiting') return { status: 202, body: { transaction_id: transactionId as string, interval: DEFERRED_INTERVAL_SECONDS } };
    if (state === 'declined') {
      throw new PassportError('credential_request_denied', `The coordinator declined this check-in: ${row.reason ?? ''}`, { extra: { check_in_status: 'declined', reason: row.reason } });
    }
    if (state === 'expired') throw new PassportError('invalid_transaction_id', 'The check-in was never confirmed and has expired', { extra: { check_in_status: 'expired' } });
    if (state === 'cancelled') throw new PassportError('invalid_transaction_id', 'The check-in was cancelled', { extra: { check_in_status: 'cancelled' } });
    if (row.expires_at <= now.toISOString()) throw new PassportError('invalid_transaction_id', 'The credential of this check-in was not fetched in time', { extra: { check_in_status: 'expired' } });
    const activity = await tx.get<ActivityRow>('SELECT id, organization_id, status, offer_expires_at, volunteer_name, volunteer_iin_sealed, activity FROM activities WHERE id = ?', [row.activity_id!]);
    const credential = await tx.get<{ id: string; status_list: number; status_index: number; issued_at: string; revoked_at: string | null }>(
      'SELECT id, status_list, status_index, issued_at, revoked_at FROM credentials WHERE id = ?',
      [row.credential_id!],
    );
    const organization = activity ? await findOrganization(tx, activity.organization_id) : undefined;
    if (!activity || !credential || !organization) throw new PassportError('invalid_transaction_id', 'The credential of this check-in no longer exists');
    if (credential.revoked_at) throw new PassportError('credential_request_denied', 'The credential of this check-in has been revoked', { extra: { check_in_status: 'revoked' } });
    const slot = { listNo: credential.status_list, index: credential.status_index, entry: statusEntry(deps.config.issuerUrl, organization.id, credential.status_list, credential.status_index) };
    const jwt = await sign(deps, tx, CONFIGURATION_ID, { organization, activity, credentialId: credential.id, holderDid: row.holder_did, slot }, new Date(credential.issued_at));
    if (!row.fetched_at) await tx.run('UPDATE event_check_ins SET fetched_at = ? WHERE id = ?', [now.toISOString(), row.id]);
    return { status: 200, body: { credentials: [{ credential: jwt }] } };
  });
}

/**
 * Cancels a check-in the coordinator has not decided on (this issuer's extension, beside the
 * deferred endpoint, authorized the same way). Cancelling again answers the same.
 */
export async function cancelCheckIn(deps: Pick<IssuerDeps, 'db' | 'now'>, accessToken: string | undefined, body: unknown): Promise<{ status: 'cancelled' }> {
  const transactionId = (body as { transaction_id?: unknown } | null)?.transaction_id;
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const row = await checkInOfTransaction(tx, accessToken, transactionId, forUpdate(tx));
    const state = checkInState(row, now);
    if (state === 'cancelled') return { status: 'cancelled' as const };
    if (state !== 'waiting') throw new PassportError('conflict', `The check-in is ${state} and can no longer be cancelled`, { extra: { check_in_status: state } });
    await tx.run("UPDATE event_check_ins SET status = 'cancelled', decided_at = ? WHERE id = ?", [now.toISOString(), row.id]);
    return { status: 'cancelled' as const };
  });
}

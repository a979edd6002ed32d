import { randomUUID } from 'node:crypto';
import type { LocalizedText } from '../../shared/credential/index.ts';
import { hashToken } from '../../shared/crypto/index.ts';
import { forUpdate } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { accreditedOrganization } from '../credentials/organization.ts';
import type { IssuerDeps } from '../deps.ts';
import { CONFIGURATION_ID } from '../oid4vci/constants.ts';
import { readCredentialRequest } from '../oid4vci/credential-request.ts';
import { consumeNonce } from '../oid4vci/nonce.ts';
import { verifyProofJwt } from '../oid4vci/proof.ts';
import type { EventActivity } from './input.ts';
import { CHECK_IN_COLUMNS, DEFERRED_INTERVAL_SECONDS, transactionIdOf, type CheckInRow } from './transaction.ts';
import { EVENT_COLUMNS, eventStatus, type EventRow } from './view.ts';

/**
 * The deferred credential response (OpenID4VCI 1.0, sections 8.3 and 9.2): HTTP 202 with the
 * `transaction_id` and the `interval` to poll at, plus this issuer's `event` extension (what the
 * wallet shows while it waits).
 */
export interface DeferredAnswer {
  transaction_id: string;
  interval: number;
  event: { id: string; name: EventActivity['name']; activityStartDate: string; activityEndDate: string; place?: string; organization: LocalizedText };
}

/** The display name, as a credential request extension parameter (`display_name`), at most 120 characters. */
function displayNameOf(body: unknown): string {
  const raw = (body as { display_name?: unknown } | null)?.display_name;
  if (raw === undefined || raw === null) return '';
  if (typeof raw !== 'string' || raw.trim().length > 120 || /[\u0000-\u001f\u007f]/.test(raw)) {
    throw new PassportError('invalid_credential_request', 'display_name must be a text of at most 120 characters', { field: 'display_name' });
  }
  return raw.trim();
}

/**
 * A check-in: the credential request of a check-in token. The proof names the holder key; the
 * check-in is recorded once per key and event (a second one answers the first's transaction, and
 * one the wallet cancelled is taken up again while the event is open). The nonce, the check-in and
 * the token's link to it are written in one transaction.
 */
export async function checkIn(deps: IssuerDeps, accessToken: string, body: unknown): Promise<DeferredAnswer> {
  const request = readCredentialRequest(body);
  if (request.configurationId !== CONFIGURATION_ID) {
    throw new PassportError('unknown_credential_configuration', `A check-in issues the ${CONFIGURATION_ID} configuration only`, { field: 'credential_configuration_id' });
  }
  const name = displayNameOf(body);
  const tokenHash = hashToken(accessToken);
  const proof = await verifyProofJwt(deps, request.proof, deps.now());
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const at = now.toISOString();
    await consumeNonce(tx, proof.nonce, now);
    const token = await tx.get<{ event_id: string; check_in_id: string | null; expires_at: string }>(
      `SELECT event_id, check_in_id, expires_at FROM event_access_tokens WHERE token_hash = ?${forUpdate(tx)}`,
      [tokenHash],
    );
    if (!token) throw new PassportError('invalid_token', 'The access token is not valid');
    if (token.expires_at <= at) throw new PassportError('invalid_token', 'The access token has expired; scan the check-in code again');
    const event = (await tx.get<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?${forUpdate(tx)}`, [token.event_id]))!;
    const organization = await accreditedOrganization(tx, event.organization_id).catch((err: unknown) => {
      throw err instanceof PassportError && err.code === 'forbidden' ? new PassportError('credential_request_denied', err.detail) : err;
    });
    let row = await tx.get<CheckInRow>(`SELECT ${CHECK_IN_COLUMNS} FROM event_check_ins WHERE event_id = ? AND holder_did = ?`, [event.id, proof.holderDid]);
    if (token.check_in_id && token.check_in_id !== row?.id) {
      throw new PassportError('invalid_proof', 'This access token checked in another key: a check-in is bound to the key that proved it', { field: 'proof' });
    }
    const open = eventStatus(event, now) === 'open';
    const expires = new Date(now.getTime() + deps.config.checkInTransactionSeconds * 1000).toISOString();
    if (!row) {
      if (!open) throw new PassportError('credential_request_denied', 'Check-in for this event has closed');
      const id = randomUUID();
      await tx.run(
        "INSERT INTO event_check_ins (id, event_id, holder_did, name, transaction_hash, status, checked_in_at, expires_at) VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?)",
        [id, event.id, proof.holderDid, name, hashToken(transactionIdOf(deps.config, id)), at, expires],
      );
      row = { id } as CheckInRow;
    } else if (row.status === 'cancelled' && open) {
      await tx.run("UPDATE event_check_ins SET status = 'waiting', name = ?, checked_in_at = ?, expires_at = ?, decided_at = NULL WHERE id = ?", [name || row.name, at, expires, row.id]);
    } else if (row.status === 'waiting' && name && name !== row.name) {
      await tx.run('UPDATE event_check_ins SET name = ? WHERE id = ?', [name, row.id]);
    }
    await tx.run('UPDATE event_access_tokens SET check_in_id = ? WHERE token_hash = ?', [row.id, tokenHash]);
    const activity = JSON.parse(event.activity) as EventActivity;
    return {
      transaction_id: transactionIdOf(deps.config, row.id),
      interval: DEFERRED_INTERVAL_SECONDS,
      event: {
        id: event.id,
        name: activity.name,
        activityStartDate: activity.activityStartDate,
        activityEndDate: activity.activityEndDate,
        ...(event.place ? { place: event.place } : {}),
        organization: organization.name,
      },
    };
  });
}

import { hashToken, randomId } from '../../shared/crypto/index.ts';
import { forUpdate } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { accreditedOrganization } from '../credentials/organization.ts';
import type { IssuerDeps } from '../deps.ts';
import { ACCESS_TOKEN_TTL_SECONDS, CONFIGURATION_ID, PRE_AUTHORIZED_GRANT } from '../oid4vci/constants.ts';
import type { CredentialOffer } from '../oid4vci/offer.ts';
import { readCode, windowOpen } from './codes.ts';
import type { EventActivity } from './input.ts';
import { EVENT_COLUMNS, eventStatus, type EventRow } from './view.ts';
import { printedValidity } from './codes.ts';

/** Pre-authorized codes minted for check-ins start with this, so the token endpoint knows where to look. */
export const CHECK_IN_CODE_PREFIX = 'chk_';

/**
 * The credential offer behind a check-in QR code (OpenID4VCI 1.0, section 4.1). The code in the
 * URL rotates (or, printed, works on the event's dates only); each fetch mints a fresh
 * pre-authorized code that works once and for minutes, as activity offers do. The offer names the
 * VC-JWT configuration only: the credential endpoint answers it with a deferred `transaction_id`.
 */
export async function checkInOffer(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, code: string): Promise<CredentialOffer> {
  const read = readCode(deps.config, code);
  if (!read) throw new PassportError('not_found', 'No such check-in code');
  const now = deps.now();
  const preAuthorized = CHECK_IN_CODE_PREFIX + randomId(32);
  await deps.db.transaction(async (tx) => {
    const event = await tx.get<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?${forUpdate(tx)}`, [read.eventId]);
    if (!event) throw new PassportError('not_found', 'No such check-in code');
    if (eventStatus(event, now) !== 'open') throw new PassportError('gone', 'Check-in for this event has closed');
    if (read.printed) {
      const activity = JSON.parse(event.activity) as EventActivity;
      const { from, until } = printedValidity(activity.activityStartDate, activity.activityEndDate);
      if (now < from || now >= until) throw new PassportError('gone', 'This printed check-in code works only on the days of the event');
    } else if (!windowOpen(deps.config, read.window, now)) {
      throw new PassportError('gone', 'This check-in code has expired: scan the code on the screen again');
    }
    await accreditedOrganization(tx, event.organization_id);
    const stale = new Date(now.getTime() - ACCESS_TOKEN_TTL_SECONDS * 1000).toISOString();
    await tx.run('DELETE FROM event_codes WHERE expires_at <= ?', [stale]);
    const expires = new Date(now.getTime() + deps.config.preAuthorizedCodeTtlSeconds * 1000).toISOString();
    await tx.run('INSERT INTO event_codes (code_hash, event_id, expires_at) VALUES (?, ?, ?)', [hashToken(preAuthorized), event.id, expires]);
  });
  return {
    credential_issuer: deps.config.issuerUrl,
    credential_configuration_ids: [CONFIGURATION_ID],
    grants: { [PRE_AUTHORIZED_GRANT]: { 'pre-authorized_code': preAuthorized } },
  };
}

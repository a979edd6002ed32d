import { hashToken, randomId } from '../../shared/crypto/index.ts';
import { forUpdate } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { findOrganization } from '../credentials/organization.ts';
import type { IssuerDeps } from '../deps.ts';
import { ACCESS_TOKEN_TTL_SECONDS } from '../oid4vci/constants.ts';
import type { TokenResponse } from '../oid4vci/token.ts';
import { eventStatus, type EventRow } from './view.ts';

/** Access tokens for check-ins start with this, so the credential endpoint knows a check-in from a claim. */
export const CHECK_IN_TOKEN_PREFIX = 'chk_';

/**
 * The token endpoint for a check-in's pre-authorized code: once, within minutes, while the event
 * takes check-ins. The token checks in at the credential endpoint for minutes; once it has, it
 * fetches that check-in's credential from the deferred endpoint for as long as the check-in lives.
 */
export async function exchangeCheckInCode(deps: Pick<IssuerDeps, 'db' | 'now'>, code: string): Promise<TokenResponse> {
  const now = deps.now();
  const at = now.toISOString();
  const token = CHECK_IN_TOKEN_PREFIX + randomId(32);
  const outcome = await deps.db.transaction(async (tx) => {
    const row = await tx.get<{ event_id: string; expires_at: string; used_at: string | null }>(
      `SELECT event_id, expires_at, used_at FROM event_codes WHERE code_hash = ?${forUpdate(tx)}`,
      [hashToken(code)],
    );
    if (!row) return 'unknown' as const;
    if (row.used_at) return 'reused' as const;
    if (row.expires_at <= at) return 'expired' as const;
    const event = await tx.get<Pick<EventRow, 'organization_id' | 'status' | 'check_in_until'>>('SELECT organization_id, status, check_in_until FROM events WHERE id = ?', [row.event_id]);
    if (!event || eventStatus(event, now) !== 'open') return 'closed' as const;
    if ((await findOrganization(tx, event.organization_id))?.status !== 'accredited') return 'suspended' as const;
    await tx.run('UPDATE event_codes SET used_at = ? WHERE code_hash = ?', [at, hashToken(code)]);
    await tx.run('INSERT INTO event_access_tokens (token_hash, event_id, expires_at) VALUES (?, ?, ?)', [
      hashToken(token),
      row.event_id,
      new Date(now.getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000).toISOString(),
    ]);
    return 'ok' as const;
  });
  if (outcome !== 'ok') throw new PassportError('invalid_grant', REFUSAL[outcome], { field: 'pre-authorized_code' });
  return { access_token: token, token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_SECONDS };
}

const REFUSAL = {
  unknown: 'The pre-authorized code is not one this issuer handed out',
  reused: 'The pre-authorized code was already used; scan the check-in code again',
  expired: 'The pre-authorized code has expired; scan the check-in code again',
  closed: 'Check-in for this event has closed',
  suspended: 'The organization of this event is suspended and cannot issue credentials',
} as const;

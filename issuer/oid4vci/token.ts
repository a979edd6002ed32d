import { hashToken, randomId } from '../../shared/crypto/index.ts';
import { forUpdate } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { findOrganization } from '../credentials/organization.ts';
import type { IssuerDeps } from '../deps.ts';
import { effectiveStatus } from '../activities/view.ts';
import { ACCESS_TOKEN_TTL_SECONDS, PRE_AUTHORIZED_GRANT } from './constants.ts';

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/**
 * The token endpoint for the pre-authorized code grant (OpenID4VCI 1.0, section 6). A code works
 * once: a second use is refused, and the token the first use made is revoked with it (RFC 6749,
 * section 4.1.2: a code used twice may have been stolen).
 */
export async function exchangePreAuthorizedCode(deps: Pick<IssuerDeps, 'db' | 'now'>, body: Record<string, unknown>): Promise<TokenResponse> {
  const grantType = body.grant_type;
  if (typeof grantType !== 'string' || !grantType) throw new PassportError('invalid_request', 'grant_type is required', { field: 'grant_type' });
  if (grantType !== PRE_AUTHORIZED_GRANT) {
    throw new PassportError('unsupported_grant_type', `Only the ${PRE_AUTHORIZED_GRANT} grant is supported`, { field: 'grant_type' });
  }
  const code = body['pre-authorized_code'];
  if (typeof code !== 'string' || !code) {
    throw new PassportError('invalid_request', 'pre-authorized_code is required', { field: 'pre-authorized_code' });
  }
  const now = deps.now();
  const at = now.toISOString();
  const codeHash = hashToken(code);
  const token = randomId(32);
  const outcome = await deps.db.transaction(async (tx) => {
    // Locked: the same code sent to two instances at once makes one token, and the second use is seen as reuse.
    const row = await tx.get<{ activity_id: string; expires_at: string; used_at: string | null }>(
      `SELECT activity_id, expires_at, used_at FROM preauthorized_codes WHERE code_hash = ?${forUpdate(tx)}`,
      [codeHash],
    );
    if (!row) return 'unknown' as const;
    if (row.used_at) {
      await tx.run('UPDATE access_tokens SET revoked_at = ? WHERE code_hash = ? AND revoked_at IS NULL', [at, codeHash]);
      return 'reused' as const;
    }
    if (row.expires_at <= at) return 'expired' as const;
    const activity = await tx.get<{ organization_id: string; status: 'offered' | 'claimed' | 'revoked' | 'withdrawn'; offer_expires_at: string }>(
      'SELECT organization_id, status, offer_expires_at FROM activities WHERE id = ?',
      [row.activity_id],
    );
    if (!activity || effectiveStatus(activity, now) !== 'offered') return 'closed' as const;
    if ((await findOrganization(tx, activity.organization_id))?.status !== 'accredited') return 'suspended' as const;
    await tx.run('UPDATE preauthorized_codes SET used_at = ? WHERE code_hash = ?', [at, codeHash]);
    await tx.run('INSERT INTO access_tokens (token_hash, activity_id, code_hash, expires_at) VALUES (?, ?, ?, ?)', [
      hashToken(token),
      row.activity_id,
      codeHash,
      new Date(now.getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000).toISOString(),
    ]);
    return 'ok' as const;
  });
  if (outcome !== 'ok') throw new PassportError('invalid_grant', REFUSAL[outcome], { field: 'pre-authorized_code' });
  return { access_token: token, token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_SECONDS };
}

const REFUSAL = {
  unknown: 'The pre-authorized code is not one this issuer handed out',
  reused: 'The pre-authorized code was already used; fetch the offer again for a new one',
  expired: 'The pre-authorized code has expired; fetch the offer again for a new one',
  closed: 'The offer of this code can no longer be claimed',
  suspended: 'The organization of this offer is suspended and cannot issue credentials',
} as const;

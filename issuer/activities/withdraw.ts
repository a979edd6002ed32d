import { PassportError } from '../../shared/errors.ts';
import { audit } from '../audit/index.ts';
import type { OrganizationActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { effectiveStatus } from './view.ts';

export interface Withdrawal {
  id: string;
  status: 'withdrawn';
  withdrawnAt: string;
  reason: string;
}

/**
 * Withdraws an offer nobody has claimed: its link, and any code or token a wallet already holds,
 * stop working. A claimed activity is refused (its credential is revoked instead, with a reason).
 * Withdrawing again answers the first withdrawal.
 */
export async function withdrawOffer(deps: Pick<IssuerDeps, 'db' | 'now'>, organization: OrganizationActor, activityId: string, reason: string): Promise<Withdrawal> {
  const organizationId = organization.id;
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const row = await tx.get<{ status: 'offered' | 'claimed' | 'revoked' | 'withdrawn'; offer_expires_at: string; withdrawn_at: string | null; withdraw_reason: string | null }>(
      'SELECT status, offer_expires_at, withdrawn_at, withdraw_reason FROM activities WHERE id = ? AND organization_id = ?',
      [activityId, organizationId],
    );
    if (!row) throw new PassportError('not_found', `No activity ${activityId} of this organization`);
    if (row.status === 'withdrawn') return { id: activityId, status: 'withdrawn', withdrawnAt: row.withdrawn_at!, reason: row.withdraw_reason ?? '' };
    if (row.status !== 'offered') {
      throw new PassportError('conflict', `Activity ${activityId} is ${effectiveStatus(row, now)}: its credential was claimed, revoke it instead (POST /v1/credentials/${activityId}/revoke)`, { field: 'id' });
    }
    const at = now.toISOString();
    await tx.run("UPDATE activities SET status = 'withdrawn', withdrawn_at = ?, withdraw_reason = ?, updated_at = ? WHERE id = ? AND status = 'offered'", [at, reason, at, activityId]);
    await tx.run('UPDATE preauthorized_codes SET used_at = ? WHERE activity_id = ? AND used_at IS NULL', [at, activityId]);
    await tx.run('UPDATE access_tokens SET revoked_at = ? WHERE activity_id = ? AND revoked_at IS NULL', [at, activityId]);
    await tx.run("UPDATE mail_outbox SET status = 'failed', last_error = ? WHERE activity_id = ? AND status = 'queued'", ['offer withdrawn', activityId]);
    await audit(tx, { at: now, actor: organization, action: 'credential.revoked', subject: activityId, detail: { reason, withdrawnOffer: true } });
    return { id: activityId, status: 'withdrawn', withdrawnAt: at, reason };
  });
}

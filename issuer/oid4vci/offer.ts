import { hashToken, randomId } from '../../shared/crypto/index.ts';
import { forUpdate } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { accreditedOrganization } from '../credentials/organization.ts';
import type { IssuerDeps } from '../deps.ts';
import { effectiveStatus } from '../activities/view.ts';
import { ACCESS_TOKEN_TTL_SECONDS, CONFIGURATION_IDS, MAX_LIVE_CODES_PER_OFFER, PRE_AUTHORIZED_GRANT } from './constants.ts';

export interface CredentialOffer {
  credential_issuer: string;
  credential_configuration_ids: string[];
  grants: { [PRE_AUTHORIZED_GRANT]: { 'pre-authorized_code': string } };
}

/**
 * The credential offer behind an offer link (OpenID4VCI 1.0, section 4.1). The link lives as long
 * as the offer (it is printed as a QR code), but the pre-authorized code inside is minted afresh
 * on each fetch, works once, and expires in minutes: a photo of the QR code taken later is not
 * a code that still works, and a leaked code is short-lived. Only the code's hash is stored.
 * Both configurations are offered: the VC-JWT of the activity and its SD-JWT VC.
 */
export async function credentialOffer(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, offerToken: string): Promise<CredentialOffer> {
  const now = deps.now();
  const code = randomId(32);
  await deps.db.transaction(async (tx) => {
    // Locked, so that fetches of one offer on several instances count each other's live codes.
    const activity = await tx.get<{ id: string; organization_id: string; status: 'offered' | 'claimed' | 'revoked' | 'withdrawn'; offer_expires_at: string }>(
      `SELECT id, organization_id, status, offer_expires_at FROM activities WHERE offer_hash = ?${forUpdate(tx)}`,
      [hashToken(offerToken)],
    );
    if (!activity) throw new PassportError('not_found', 'No such credential offer');
    const status = effectiveStatus(activity, now);
    if (status !== 'offered') throw new PassportError('gone', `This credential offer can no longer be claimed: it is ${status}`);
    await accreditedOrganization(tx, activity.organization_id);
    // Codes past their use (and the tokens they could have made) are no longer worth keeping.
    const stale = new Date(now.getTime() - ACCESS_TOKEN_TTL_SECONDS * 1000).toISOString();
    await tx.run('DELETE FROM preauthorized_codes WHERE activity_id = ? AND expires_at <= ?', [activity.id, stale]);
    const live = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM preauthorized_codes WHERE activity_id = ? AND used_at IS NULL AND expires_at > ?', [
      activity.id,
      now.toISOString(),
    ]);
    if ((live?.n ?? 0) >= MAX_LIVE_CODES_PER_OFFER) {
      throw new PassportError('rate_limited', 'This offer was fetched too often in the last minutes; try again later');
    }
    const expires = new Date(now.getTime() + deps.config.preAuthorizedCodeTtlSeconds * 1000).toISOString();
    await tx.run('INSERT INTO preauthorized_codes (code_hash, activity_id, expires_at) VALUES (?, ?, ?)', [hashToken(code), activity.id, expires]);
  });
  return {
    credential_issuer: deps.config.issuerUrl,
    credential_configuration_ids: [...CONFIGURATION_IDS],
    grants: { [PRE_AUTHORIZED_GRANT]: { 'pre-authorized_code': code } },
  };
}

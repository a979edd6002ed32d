import { PassportError } from '../../shared/errors.ts';
import { tokenStatusList } from '../../shared/status-list/index.ts';
import { findOrganization } from '../credentials/organization.ts';
import { signStatusListToken } from '../credentials/sign.ts';
import type { IssuerDeps } from '../deps.ts';
import { signingKeyOf } from '../registry/signing-key.ts';
import { statusListUrl } from './url.ts';

/** How long a verifier may keep the token before asking again (its `ttl`), and when it stops being valid. */
const TTL_SECONDS = 60;
const VALID_SECONDS = 24 * 3600;

/**
 * The same list as the Bitstring Status List credential at this URL, as a Token Status List
 * (`application/statuslist+jwt`, IETF OAuth Status List): what SD-JWT VCs point at in their
 * `status.status_list`. Both are derived from `credentials.revoked_at`, so they never disagree;
 * `sub` is the URL, as a token's `status_list.uri` names it.
 */
export async function publishedTokenStatusList(deps: Pick<IssuerDeps, 'db' | 'agent' | 'config' | 'now'>, organizationId: string, listNo: number): Promise<string> {
  const list = await deps.db.get<{ size: number }>('SELECT size FROM status_lists WHERE organization_id = ? AND list_no = ?', [organizationId, listNo]);
  if (!list) throw new PassportError('not_found', `Organization ${organizationId} has no status list ${listNo}`);
  const org = await findOrganization(deps.db, organizationId);
  if (!org) throw new PassportError('not_found', `Organization ${organizationId} is not registered`);
  const revoked = await deps.db.all<{ status_index: number }>(
    'SELECT status_index FROM credentials WHERE organization_id = ? AND status_list = ? AND revoked_at IS NOT NULL',
    [organizationId, listNo],
  );
  const iat = Math.floor(deps.now().getTime() / 1000);
  return signStatusListToken(
    deps.agent,
    {
      iss: org.did,
      sub: statusListUrl(deps.config.issuerUrl, organizationId, listNo),
      iat,
      exp: iat + VALID_SECONDS,
      ttl: TTL_SECONDS,
      status_list: tokenStatusList(list.size, revoked.map((r) => r.status_index)),
    },
    await signingKeyOf(deps.db, org.did),
  );
}

import { createHash } from 'node:crypto';
import { VC_V1_CONTEXT } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { StatusBitstring } from '../../shared/status-list/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { findOrganization } from '../credentials/organization.ts';
import { signCredential } from '../credentials/sign.ts';
import { signingKeyOf } from '../registry/signing-key.ts';
import { statusListUrl } from './url.ts';

export const STATUS_LIST_CONTEXT = 'https://www.w3.org/ns/credentials/status/v1';

export interface PublishedStatusList {
  jwt: string;
  /** Changes exactly when a revocation changes the list. */
  etag: string;
}

/**
 * The signed BitstringStatusListCredential of one list. The bits are derived from the
 * credentials' revocations; the signed JWT is kept in `status_lists` for the list's current
 * version, so every instance serves the same signature and signs again only after a revocation.
 */
export async function publishedStatusList(deps: Pick<IssuerDeps, 'db' | 'agent' | 'config' | 'now'>, organizationId: string, listNo: number): Promise<PublishedStatusList> {
  const list = await deps.db.get<{ size: number; version: number; signed_version: number | null; signed_jwt: string | null }>(
    'SELECT size, version, signed_version, signed_jwt FROM status_lists WHERE organization_id = ? AND list_no = ?',
    [organizationId, listNo],
  );
  if (!list) throw new PassportError('not_found', `Organization ${organizationId} has no status list ${listNo}`);
  const etag = `"${createHash('sha256').update(`${organizationId}/${listNo}/${list.version}`).digest('base64url').slice(0, 22)}"`;
  if (list.signed_jwt && list.signed_version === list.version) return { jwt: list.signed_jwt, etag };

  const org = await findOrganization(deps.db, organizationId);
  if (!org) throw new PassportError('not_found', `Organization ${organizationId} is not registered`);
  const revoked = await deps.db.all<{ status_index: number }>(
    'SELECT status_index FROM credentials WHERE organization_id = ? AND status_list = ? AND revoked_at IS NOT NULL',
    [organizationId, listNo],
  );
  const bits = StatusBitstring.create(list.size);
  for (const r of revoked) bits.set(r.status_index, true);
  const url = statusListUrl(deps.config.issuerUrl, organizationId, listNo);
  const { jwt } = await signCredential(
    deps.agent,
    {
      '@context': [VC_V1_CONTEXT, STATUS_LIST_CONTEXT],
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: { id: org.did },
      // Given as `sub`, the subject's id also stays in `vc.credentialSubject`, where readers of lists look.
      sub: `${url}#list`,
      issuanceDate: deps.now().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      // `ttl` (Bitstring Status List, section 2.1): verifiers ask again this soon, so a revocation reaches them within seconds.
      credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: bits.encode(), ttl: deps.config.statusListTtlSeconds * 1000 },
    },
    await signingKeyOf(deps.db, org.did),
  );
  // Only the version read above is stored: a revocation committed meanwhile has bumped the
  // version, and the next request signs that one.
  await deps.db.run('UPDATE status_lists SET signed_version = ?, signed_jwt = ? WHERE organization_id = ? AND list_no = ? AND version = ?', [
    list.version,
    jwt,
    organizationId,
    listNo,
    list.version,
  ]);
  return { jwt, etag };
}

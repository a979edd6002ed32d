import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { WalletDeps } from '../deps.ts';
import { shareQrUrl, shareUrl, verifyUrl } from './links.ts';

export interface ShareView {
  id: string;
  url: string;
  qrUrl: string;
  verifyUrl: string;
  credentialIds: string[];
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

interface ShareRow {
  id: string;
  sealed_token: string;
  credential_ids: string;
  created_at: string;
  expires_at: string;
}

type ShareDeps = Pick<WalletDeps, 'db' | 'config' | 'shareLinks' | 'now'>;

const COLUMNS = 'id, sealed_token, credential_ids, created_at, expires_at';

/** The volunteer's share links, newest first, expired ones included (and marked). */
export async function listShares(deps: ShareDeps, accountId: string): Promise<ShareView[]> {
  const rows = await deps.db.all<ShareRow>(`SELECT ${COLUMNS} FROM shares WHERE account_id = ? ORDER BY created_at DESC`, [accountId]);
  return rows.map((row) => toView(deps, row));
}

/** One of the volunteer's shares; `not_found` for anyone else's. */
export async function findShare(deps: ShareDeps, accountId: string, id: string): Promise<ShareView> {
  const row = await deps.db.get<ShareRow>(`SELECT ${COLUMNS} FROM shares WHERE account_id = ? AND id = ?`, [accountId, id]);
  if (!row) throw new PassportError('not_found', `There is no share ${id} in this passport`);
  return toView(deps, row);
}

function toView(deps: ShareDeps, row: ShareRow): ShareView {
  const url = shareUrl(deps.config, deps.shareLinks.open(row.sealed_token).toString());
  return {
    id: row.id,
    url,
    qrUrl: shareQrUrl(deps.config, row.id),
    verifyUrl: verifyUrl(deps.config, url),
    credentialIds: JSON.parse(row.credential_ids) as string[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    expired: row.expires_at <= deps.now().toISOString(),
  };
}

/** Deletes a share: its link answers 404 from this moment, on every instance. */
export async function removeShare(db: Queryable, accountId: string, id: string): Promise<void> {
  const deleted = await db.run('DELETE FROM shares WHERE account_id = ? AND id = ?', [accountId, id]);
  if (deleted.changes === 0) throw new PassportError('not_found', `There is no share ${id} in this passport`);
}

import { randomUUID } from 'node:crypto';
import { hashToken, newToken } from '../../shared/crypto/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import type { IssuerDeps } from '../deps.ts';

export interface InvitationLink {
  id: string;
  invitationUrl: string;
  expiresAt: string;
}

/**
 * A fresh single-use link for the person `staffId`; any earlier link of theirs stops working.
 * The token travels in the URL's fragment, which browsers never send to a server, so it shows
 * up in no access log or Referer; the console page reads it and posts it to the accept route.
 */
export async function newInvitationLink(
  tx: Queryable,
  deps: Pick<IssuerDeps, 'config' | 'now'>,
  staffId: string,
  createdBy: string,
): Promise<InvitationLink> {
  const now = deps.now();
  const token = newToken('vp_invite');
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + deps.config.staffInvitationSeconds * 1000).toISOString();
  await tx.run('DELETE FROM staff_invitations WHERE staff_id = ? AND used_at IS NULL', [staffId]);
  await tx.run('INSERT INTO staff_invitations (id, token_hash, staff_id, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
    id,
    hashToken(token),
    staffId,
    now.toISOString(),
    createdBy,
    expiresAt,
  ]);
  return { id, invitationUrl: `${deps.config.issuerUrl}/invitation#${token}`, expiresAt };
}

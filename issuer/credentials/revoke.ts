import { forUpdate, type Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { audit } from '../audit/index.ts';
import type { OrganizationActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { statusListUrl } from '../status/url.ts';

/** The state after a revocation; asking again answers the same. */
export type Revocation =
  | {
      id: string;
      activityId: string | null;
      status: 'revoked';
      revokedAt: string;
      reason: string;
      statusListCredential: string;
      statusListIndex: string;
    }
  | { id: null; activityId: string; status: 'withdrawn'; revokedAt: string; reason: string };

interface CredentialRow {
  id: string;
  organization_id: string;
  activity_id: string | null;
  status_list: number;
  status_index: number;
  revoked_at: string | null;
  revoke_reason: string | null;
}

/**
 * Revokes the credential `id` on behalf of the organization that issued it. `id` is the
 * credential's own id (any URI: `urn:uuid:…`, `urn:example:1`), the id of its status entry
 * (`credentialStatus.id`, `{ISSUER_URL}/status/{org}/{list}#{index}`, which every credential
 * carries, those issued without an id included), or the id of the activity it was issued for.
 * A claimed credential gets its status bit set; an activity not yet claimed has its offer
 * withdrawn, so it can never be claimed. Idempotent: a second call changes nothing and answers
 * the state of the first.
 */
export async function revokeCredential(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, organization: OrganizationActor, id: string, reason: string): Promise<Revocation> {
  const organizationId = organization.id;
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    // Rows are locked in the order issuing locks them (the activity, then what hangs on it), so a
    // revocation racing a claim on another instance waits for it and sees the credential it made.
    if (!id.includes(':')) await tx.get(`SELECT id FROM activities WHERE id = ?${forUpdate(tx)}`, [id]);
    const credential = await findCredential(tx, deps.config.issuerUrl, id);
    if (credential) {
      // Someone else's credential is answered as absent: its existence is not ours to confirm.
      if (credential.organization_id !== organizationId) throw notFound(id);
      return revokeIssued(deps, tx, organization, credential, reason, now);
    }
    if (id.includes(':')) throw notFound(id);
    return withdrawOffer(tx, organization, id, reason, now);
  });
}

async function findCredential(tx: Queryable, issuerUrl: string, id: string): Promise<CredentialRow | undefined> {
  const locked = forUpdate(tx);
  const byId = await tx.get<CredentialRow>(`SELECT * FROM credentials WHERE id = ?${locked}`, [id]);
  if (byId) return byId;
  const entry = statusEntryOf(issuerUrl, id);
  if (entry) {
    return tx.get<CredentialRow>(`SELECT * FROM credentials WHERE organization_id = ? AND status_list = ? AND status_index = ?${locked}`, [entry.organizationId, entry.listNo, entry.index]);
  }
  return tx.get<CredentialRow>(`SELECT * FROM credentials WHERE activity_id = ?${locked}`, [id]);
}

/** The organization, list and index a status entry id of this issuer names. */
function statusEntryOf(issuerUrl: string, id: string): { organizationId: string; listNo: number; index: number } | undefined {
  const prefix = `${issuerUrl}/status/`;
  if (!id.startsWith(prefix)) return undefined;
  const m = /^([^/#]+)\/(\d{1,9})#(\d{1,9})$/.exec(id.slice(prefix.length));
  if (!m) return undefined;
  let organizationId: string;
  try {
    organizationId = decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
  return { organizationId, listNo: Number(m[2]), index: Number(m[3]) };
}

async function revokeIssued(deps: Pick<IssuerDeps, 'config'>, tx: Queryable, actor: OrganizationActor, c: CredentialRow, reason: string, now: Date): Promise<Revocation> {
  let revokedAt = c.revoked_at;
  let revokeReason = c.revoke_reason ?? '';
  if (!revokedAt) {
    revokedAt = now.toISOString();
    revokeReason = reason;
    await tx.run('UPDATE credentials SET revoked_at = ?, revoke_reason = ? WHERE id = ?', [revokedAt, reason, c.id]);
    await tx.run('UPDATE status_lists SET version = version + 1 WHERE organization_id = ? AND list_no = ?', [c.organization_id, c.status_list]);
    if (c.activity_id) await tx.run("UPDATE activities SET status = 'revoked', updated_at = ? WHERE id = ?", [revokedAt, c.activity_id]);
    await audit(tx, { at: now, actor, action: 'credential.revoked', subject: c.id, detail: { reason, activityId: c.activity_id } });
  }
  return {
    id: c.id,
    activityId: c.activity_id,
    status: 'revoked',
    revokedAt,
    reason: revokeReason,
    statusListCredential: statusListUrl(deps.config.issuerUrl, c.organization_id, c.status_list),
    statusListIndex: String(c.status_index),
  };
}

async function withdrawOffer(tx: Queryable, actor: OrganizationActor, activityId: string, reason: string, now: Date): Promise<Revocation> {
  const organizationId = actor.id;
  const activity = await tx.get<{ organization_id: string; status: string; withdrawn_at: string | null; withdraw_reason: string | null }>(
    'SELECT organization_id, status, withdrawn_at, withdraw_reason FROM activities WHERE id = ?',
    [activityId],
  );
  if (!activity || activity.organization_id !== organizationId) throw notFound(activityId);
  if (activity.status === 'withdrawn') {
    return { id: null, activityId, status: 'withdrawn', revokedAt: activity.withdrawn_at!, reason: activity.withdraw_reason ?? '' };
  }
  const at = now.toISOString();
  await tx.run("UPDATE activities SET status = 'withdrawn', withdrawn_at = ?, withdraw_reason = ?, updated_at = ? WHERE id = ?", [at, reason, at, activityId]);
  // Codes and tokens already handed to a wallet stop working with the offer.
  await tx.run('UPDATE preauthorized_codes SET used_at = ? WHERE activity_id = ? AND used_at IS NULL', [at, activityId]);
  await tx.run('UPDATE access_tokens SET revoked_at = ? WHERE activity_id = ? AND revoked_at IS NULL', [at, activityId]);
  await audit(tx, { at: now, actor, action: 'credential.revoked', subject: activityId, detail: { reason, withdrawnOffer: true } });
  return { id: null, activityId, status: 'withdrawn', revokedAt: at, reason };
}

function notFound(id: string): PassportError {
  return new PassportError('not_found', `No credential or activity ${id} issued by this organization`);
}

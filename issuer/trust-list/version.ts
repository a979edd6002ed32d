import type { Queryable } from '../../shared/db/index.ts';
import type { AuditAction } from '../audit/index.ts';

/**
 * The changes that alter the trust list's content. Opening a front office is among them because
 * the list names the front offices too; revoking a key because the list publishes it.
 */
export const TRUST_LIST_ACTIONS: readonly AuditAction[] = [
  'organization.accredited',
  'organization.suspended',
  'organization.reinstated',
  'organization.key_revoked',
  'front_office.created',
];

/**
 * The trust list's version: the audit-trail sequence number of the latest change to it. Taken
 * from the database, so every instance agrees on it the moment a change commits.
 */
export async function trustListVersion(db: Queryable): Promise<number> {
  const row = await db.get<{ version: number | null }>(
    `SELECT MAX(seq) AS version FROM audit_log WHERE action IN (${TRUST_LIST_ACTIONS.map(() => '?').join(', ')})`,
    TRUST_LIST_ACTIONS,
  );
  return row?.version ?? 0;
}

import type { Queryable } from '../shared/db/index.ts';
import type { Actor } from './auth/index.ts';

export type AuditAction =
  | 'front_office.created'
  | 'organization.accredited'
  | 'organization.suspended'
  | 'organization.reinstated'
  | 'activity.recorded'
  | 'credential.issued'
  | 'credential.revoked';

/**
 * Appends to the audit trail inside the caller's transaction, so the record and the change it
 * describes are written together or not at all. The table refuses updates and deletes.
 */
export async function audit(tx: Queryable, entry: { at: Date; actor: Actor | string; action: AuditAction; subject: string; detail?: unknown }): Promise<void> {
  await tx.run('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)', [
    entry.at.toISOString(),
    typeof entry.actor === 'string' ? entry.actor : describeActor(entry.actor),
    entry.action,
    entry.subject,
    entry.detail === undefined ? null : JSON.stringify(entry.detail),
  ]);
}

export function describeActor(actor: Actor): string {
  return actor.kind === 'registry' ? 'registry' : `${actor.kind}:${actor.id}`;
}

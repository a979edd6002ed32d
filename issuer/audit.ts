import type { Queryable } from '../shared/db/index.ts';
import type { Actor } from './auth/index.ts';
import { findUnit, parseUnit } from './staff/units.ts';

export type AuditAction =
  | 'front_office.created'
  | 'organization.accredited'
  | 'organization.suspended'
  | 'organization.reinstated'
  | 'activity.recorded'
  | 'credential.issued'
  | 'credential.revoked'
  | 'staff.invited'
  | 'staff.joined'
  | 'staff.reset'
  | 'staff.removed'
  | 'api_key.created'
  | 'api_key.revoked';

export interface AuditEntry {
  at: Date;
  actor: Actor | string;
  action: AuditAction;
  subject: string;
  detail?: unknown;
  /**
   * The unit the entry concerns (`front-office:{id}`, `organization:{id}`), whose admins and
   * those of the units above it see the entry. Derived from the action when not given.
   */
  unit?: string;
}

/**
 * Appends to the audit trail inside the caller's transaction, so the record and the change it
 * describes are written together or not at all. The table refuses updates and deletes.
 */
export async function audit(tx: Queryable, entry: AuditEntry): Promise<void> {
  const unit = entry.unit ?? unitOfEntry(entry);
  const parsed = unit ? parseUnit(unit) : undefined;
  const region = parsed ? ((await findUnit(tx, parsed))?.region ?? null) : null;
  await tx.run('INSERT INTO audit_log (at, actor, action, subject, detail, unit, region) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    entry.at.toISOString(),
    typeof entry.actor === 'string' ? entry.actor : describeActor(entry.actor),
    entry.action,
    entry.subject,
    entry.detail === undefined ? null : JSON.stringify(entry.detail),
    unit ?? null,
    region,
  ]);
}

/** A person acting is named by their staff id, a key by its id; otherwise the unit (or the admin token) acted. */
export function describeActor(actor: Actor): string {
  if (actor.by?.kind === 'staff') return `staff:${actor.by.id}`;
  if (actor.by?.kind === 'api_key' && actor.by.id) return `key:${actor.by.id}`;
  return actor.kind === 'registry' ? 'registry' : `${actor.kind}:${actor.id}`;
}

/** Accreditation entries concern the organization or office named; issuing ones, the organization that acted. */
function unitOfEntry(entry: AuditEntry): string | undefined {
  switch (entry.action) {
    case 'front_office.created':
      return `front-office:${entry.subject}`;
    case 'organization.accredited':
    case 'organization.suspended':
    case 'organization.reinstated':
      return `organization:${entry.subject}`;
  }
  if (typeof entry.actor !== 'string') return entry.actor.kind === 'organization' ? `organization:${entry.actor.id}` : undefined;
  const organization = /^organization:(.+)$/.exec(entry.actor);
  return organization ? `organization:${organization[1]}` : undefined;
}

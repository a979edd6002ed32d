import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import { audit } from '../audit/index.ts';
import { createApiKey, type Actor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { mayAdminister, maySeePeople } from '../staff/authority.ts';
import { existingUnit, type UnitRecord } from '../staff/units.ts';

export const KeyInput = z.object({ name: z.string({ message: 'must be a string' }).trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters') }).strict();
export type KeyInput = z.infer<typeof KeyInput>;

export interface ApiKeySummary {
  id: string;
  /** Absent for the key handed out at accreditation. */
  name?: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/**
 * A named API key for an organization's own systems, made by an admin of the organization (or
 * of a unit above it). The key is handed out once; only its hash is kept.
 */
export async function createNamedApiKey(deps: Pick<IssuerDeps, 'db' | 'now'>, actor: Actor, organizationId: string, input: KeyInput): Promise<{ id: string; name: string; apiKey: string }> {
  const unit = await organizationUnit(deps, actor, organizationId, mayAdminister);
  const now = deps.now();
  const key = await deps.db.transaction(async (tx) => {
    const created = await createApiKey(tx, { kind: 'organization', id: unit.id }, now.toISOString(), input.name);
    await audit(tx, { at: now, actor, action: 'api_key.created', subject: created.id, unit: `organization:${unit.id}`, detail: { name: input.name } });
    return created;
  });
  return { id: key.id, name: input.name, apiKey: key.apiKey };
}

/** The organization's keys that still work, oldest first, without their secrets. */
export async function listApiKeys(deps: Pick<IssuerDeps, 'db'>, actor: Actor, organizationId: string): Promise<ApiKeySummary[]> {
  const unit = await organizationUnit(deps, actor, organizationId, maySeePeople);
  const rows = await deps.db.all<{ id: string; name: string | null; created_at: string; last_used_at: string | null }>(
    "SELECT id, name, created_at, last_used_at FROM api_keys WHERE owner_kind = 'organization' AND owner_id = ? AND revoked_at IS NULL ORDER BY created_at, id",
    [unit.id],
  );
  return rows.map((r) => ({ id: r.id, ...(r.name ? { name: r.name } : {}), createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

/** Revokes a key at once, on every instance: the next request with it is refused. */
export async function revokeApiKey(deps: Pick<IssuerDeps, 'db' | 'now'>, actor: Actor, organizationId: string, keyId: string): Promise<void> {
  const unit = await organizationUnit(deps, actor, organizationId, mayAdminister);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const { changes } = await tx.run("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND owner_kind = 'organization' AND owner_id = ? AND revoked_at IS NULL", [
      now.toISOString(),
      keyId,
      unit.id,
    ]);
    if (changes === 0) throw new PassportError('not_found', `Organization ${unit.id} has no working key ${keyId}`);
    await audit(tx, { at: now, actor, action: 'api_key.revoked', subject: keyId, unit: `organization:${unit.id}` });
  });
}

async function organizationUnit(deps: Pick<IssuerDeps, 'db'>, actor: Actor, id: string, allowed: (actor: Actor, unit: UnitRecord) => boolean): Promise<UnitRecord> {
  const unit = await existingUnit(deps.db, { kind: 'organization', id }, 'id');
  if (!allowed(actor, unit)) throw new PassportError('forbidden', `Only an admin of organization ${id} or of a unit above it manages its API keys`);
  return unit;
}

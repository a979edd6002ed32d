import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import { audit, describeActor } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { reason } from '../registry/fields.ts';
import { organizationUnderAuthority } from './authority.ts';
import { organizationProfile, type OrganizationProfile } from './profile.ts';

export const ReinstatementInput = z.object({ reason: reason.optional() }).strict();
export type ReinstatementInput = z.infer<typeof ReinstatementInput>;

/**
 * Reinstates a suspended organization: a new accreditation interval opens now. The gap stays in
 * the history, so credentials issued while it was suspended keep failing the trust check.
 */
export async function reinstateOrganization(
  deps: Pick<IssuerDeps, 'db' | 'now'>,
  actor: Actor,
  id: string,
  input: ReinstatementInput,
): Promise<OrganizationProfile> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await organizationUnderAuthority(tx, actor, id);
    const { changes } = await tx.run("UPDATE organizations SET status = 'accredited' WHERE id = ? AND status = 'suspended'", [id]);
    if (changes === 0) throw new PassportError('conflict', `Organization ${id} is accredited already`);
    const last = await tx.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM accreditation_intervals WHERE organization_id = ?', [id]);
    await tx.run('INSERT INTO accreditation_intervals (organization_id, seq, accredited_from, granted_by) VALUES (?, ?, ?, ?)', [
      id,
      (last?.seq ?? 0) + 1,
      now.toISOString(),
      describeActor(actor),
    ]);
    await audit(tx, { at: now, actor, action: 'organization.reinstated', subject: id, detail: input.reason ? { reason: input.reason } : undefined });
  });
  return organizationProfile(deps.db, id);
}

import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import { audit, describeActor } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { reason } from '../registry/fields.ts';
import { organizationUnderAuthority } from './authority.ts';
import { organizationProfile, type OrganizationProfile } from './profile.ts';

export const SuspensionInput = z.object({ reason }).strict();
export type SuspensionInput = z.infer<typeof SuspensionInput>;

/**
 * Suspends an organization: its open accreditation interval ends now. Credentials it issued
 * before stay trusted (the interval covers them); those it issues from now on do not.
 */
export async function suspendOrganization(
  deps: Pick<IssuerDeps, 'db' | 'now'>,
  actor: Actor,
  id: string,
  input: SuspensionInput,
): Promise<OrganizationProfile> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await organizationUnderAuthority(tx, actor, id);
    const { changes } = await tx.run("UPDATE organizations SET status = 'suspended' WHERE id = ? AND status = 'accredited'", [id]);
    if (changes === 0) throw new PassportError('conflict', `Organization ${id} is suspended already`);
    await tx.run(
      'UPDATE accreditation_intervals SET accredited_until = ?, ended_by = ?, end_reason = ? WHERE organization_id = ? AND accredited_until IS NULL',
      [now.toISOString(), describeActor(actor), input.reason, id],
    );
    await audit(tx, { at: now, actor, action: 'organization.suspended', subject: id, detail: { reason: input.reason } });
  });
  return organizationProfile(deps.db, id);
}

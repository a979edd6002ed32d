import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { mayAccredit, type Actor } from '../auth/index.ts';

/**
 * The organization `id`, if `actor` may change its accreditation: the registry always, a front
 * office only for organizations of its own region (the same authority that accredits).
 */
export async function organizationUnderAuthority(tx: Queryable, actor: Actor, id: string): Promise<{ region: string; status: string }> {
  const org = await tx.get<{ region: string; status: string }>('SELECT region, status FROM organizations WHERE id = ?', [id]);
  if (!org) throw new PassportError('not_found', `No organization ${id}`);
  if (!mayAccredit(actor, org.region)) {
    throw new PassportError('forbidden', `Organization ${id} is in ${org.region}: only the registry or that region's front office may change its accreditation`);
  }
  return org;
}

import type { Queryable } from '../../../shared/db/index.ts';
import { PassportError } from '../../../shared/errors.ts';
import { staffOf, type Actor } from '../../auth/index.ts';

/**
 * The organization whose keys `actor` wants to change, if it may: the registry for any
 * organization, an organization for itself only. A front office accredits, but the keys are the
 * organization's own. A person acting must be an admin of their unit.
 */
export async function keysUnderAuthority(q: Queryable, actor: Actor, id: string): Promise<{ id: string; did: string }> {
  if (actor.kind !== 'registry' && !(actor.kind === 'organization' && actor.id === id)) {
    throw new PassportError('forbidden', `Only organization ${id} itself or the national registry may change its keys`);
  }
  const person = staffOf(actor);
  if (person && person.role !== 'admin') throw new PassportError('forbidden', 'Only an admin changes signing keys', { extra: { reason: 'admin' } });
  const org = await q.get<{ id: string; did: string }>('SELECT id, did FROM organizations WHERE id = ?', [id]);
  if (!org) throw new PassportError('not_found', `No organization ${id}`);
  return org;
}

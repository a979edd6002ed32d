import { PassportError } from '../../shared/errors.ts';
import { staffOf, type OrganizationActor } from '../auth/index.ts';

/**
 * The organization's own lists and settings (its projects, its e-mail language) are changed by its
 * admins. A person signed in with another role is refused; the organization's API keys may, since
 * only an admin makes them and they act for the organization as a whole (its systems keep the
 * project list in step with theirs).
 */
export function requireOrganizationAdmin(organization: OrganizationActor): void {
  const person = staffOf(organization);
  if (person && person.role !== 'admin') {
    throw new PassportError('forbidden', 'Only an admin of the organization may change its projects and settings', { extra: { reason: 'admin' } });
  }
}

import type { SecretBox } from '../../../shared/crypto/index.ts';
import { PassportError } from '../../../shared/errors.ts';
import { findOrganization } from '../../credentials/organization.ts';
import type { IssuerDeps } from '../../deps.ts';
import { allActivities } from '../list.ts';
import type { OfferCard } from './render.ts';

/** At most this many cards in one PDF (1,250 pages). */
export const MAX_CARDS = 10_000;

/**
 * The cards of the claimable offers among a selection (`ids`) or a whole upload: activities that
 * were claimed, withdrawn or lapsed have nothing left to hand out and are left out. A reprint
 * carries the same link as the first print, which works until it is claimed once.
 */
export async function offerCards(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, box: SecretBox, organizationId: string, filter: { ids?: string[]; upload?: string }): Promise<OfferCard[]> {
  const organization = await findOrganization(deps.db, organizationId);
  const items = await allActivities(deps, box, organizationId, { ...filter, status: 'offered' }, MAX_CARDS);
  if (items.length === 0) throw new PassportError('not_found', 'None of these activities has an offer that can still be claimed');
  // The order the coordinator selected or uploaded them in: oldest first.
  return items.reverse().map((a) => ({
    volunteerName: a.volunteer.name,
    activity: a.activity,
    organization: organization?.name ?? {},
    claimUrl: a.claimUrl!,
    expiresAt: a.offerExpiresAt!,
  }));
}

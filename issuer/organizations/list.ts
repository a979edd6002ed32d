import { z } from 'zod';
import type { Queryable } from '../../shared/db/index.ts';
import { regionCode, slug } from '../registry/fields.ts';
import { organizationProfiles, type OrganizationProfile } from './profile.ts';

const PAGE = 100;

export const ListingQuery = z.object({
  region: regionCode.optional(),
  status: z.enum(['accredited', 'suspended'], { message: 'must be accredited or suspended' }).optional(),
  q: z.string({ message: 'must be a string' }).trim().max(100, 'must be at most 100 characters').optional(),
  cursor: slug.optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').optional(),
});
export type ListingQuery = z.infer<typeof ListingQuery>;

/**
 * A page of public profiles in id order, filtered by region, status and a search text found in
 * the id or any of the names. The text is matched here, not in SQL: SQLite folds the case of
 * Latin letters only, and names are mostly Kazakh and Russian.
 */
export async function listOrganizations(db: Queryable, query: ListingQuery): Promise<{ organizations: OrganizationProfile[]; nextCursor?: string }> {
  const limit = query.limit ?? PAGE;
  const needle = query.q ? fold(query.q) : '';
  const candidates = await organizationProfiles(db, { region: query.region, status: query.status, after: query.cursor, limit: needle ? undefined : limit + 1 });
  const matching = needle ? candidates.filter((o) => [o.id, ...Object.values(o.name)].some((text) => fold(text ?? '').includes(needle))) : candidates;
  const organizations = matching.slice(0, limit);
  return { organizations, ...(matching.length > limit ? { nextCursor: organizations.at(-1)!.id } : {}) };
}

function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('ru');
}

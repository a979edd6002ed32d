import type { Queryable } from '../../../shared/db/index.ts';
import type { IssuerDeps } from '../../deps.ts';
import { publishedStatusList } from '../../status/publish.ts';

/**
 * Marks every status list of the organization for signing again (inside the caller's
 * transaction): a list is re-signed when its version moves, and the next signature uses the
 * newest key. So no list stays signed by a key that was rotated out or revoked.
 */
export async function markStatusListsForSigning(tx: Queryable, organizationId: string): Promise<void> {
  await tx.run('UPDATE status_lists SET version = version + 1 WHERE organization_id = ?', [organizationId]);
}

/** Signs the organization's lists now (after the commit), so the first verifier to ask gets a list signed by the new key at once. */
export async function resignStatusLists(deps: Pick<IssuerDeps, 'db' | 'agent' | 'config' | 'now'>, organizationId: string): Promise<void> {
  const lists = await deps.db.all<{ list_no: number }>('SELECT list_no FROM status_lists WHERE organization_id = ? ORDER BY list_no', [organizationId]);
  for (const { list_no } of lists) await publishedStatusList(deps, organizationId, Number(list_no));
}

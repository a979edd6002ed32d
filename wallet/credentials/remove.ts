import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';

/** Takes a credential out of the passport. Share links made before keep what they were signed with. */
export async function removeCredential(db: Queryable, accountId: string, id: string): Promise<void> {
  const deleted = await db.run('DELETE FROM credentials WHERE account_id = ? AND id = ?', [accountId, id]);
  if (deleted.changes === 0) throw new PassportError('not_found', `There is no credential ${id} in this passport`);
}

import type { Queryable } from '../../shared/db/index.ts';
import type { StoredHolderKey } from '../holder/index.ts';

/** A volunteer's account as the routes see it once signed in. */
export interface Volunteer extends StoredHolderKey {
  id: string;
  login: string;
  /** The display name the volunteer set, or undefined. */
  name?: string;
}

interface AccountRow {
  id: string;
  login: string;
  did: string;
  public_key: string;
  sealed_key: string;
  display_name: string | null;
}

export async function findVolunteer(db: Queryable, id: string): Promise<Volunteer | undefined> {
  const row = await db.get<AccountRow>('SELECT id, login, did, public_key, sealed_key, display_name FROM accounts WHERE id = ?', [id]);
  return row && { id: row.id, login: row.login, did: row.did, publicKey: row.public_key, sealedKey: row.sealed_key, ...(row.display_name ? { name: row.display_name } : {}) };
}

import { hashToken } from '../../shared/crypto/index.ts';
import type { Queryable } from '../../shared/db/index.ts';

/** Signs out: the session's token stops working at once, on every instance. */
export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.run('DELETE FROM sessions WHERE token_hash = ?', [hashToken(token)]);
}

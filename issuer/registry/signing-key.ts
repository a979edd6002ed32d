import type { Queryable } from '../../shared/db/index.ts';

/** The key that signs for a did:web now. */
export interface SigningKey {
  did: string;
  /** `key-<n>`: the JWT's `kid` is `{did}#{fragment}`. */
  fragment: string;
  /** The key's id in the Veramo agent. */
  kid: string;
}

/**
 * The newest key of `did`, which signs every new credential and status list. A revoked key
 * never signs: revoking the newest one is refused, so there is always a newer one to use.
 * Read from the database (in the caller's transaction when given one), so a rotation through
 * any instance takes effect everywhere at once.
 */
export async function signingKeyOf(q: Queryable, did: string): Promise<SigningKey> {
  const row = await q.get<{ fragment: string; kid: string }>(
    'SELECT fragment, kid FROM web_did_keys WHERE did = ? AND revoked_from IS NULL ORDER BY number DESC LIMIT 1',
    [did],
  );
  if (!row) throw new Error(`${did} has no key that may sign`);
  return { did, fragment: row.fragment, kid: row.kid };
}

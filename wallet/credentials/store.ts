import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { DecodedCredential } from './decode.ts';
import type { KeptSdJwt } from './load.ts';

/**
 * Puts an accepted credential into the volunteer's passport, with the SD-JWT VC of the same
 * activity attached when the issuer gave one; a credential already there (same id, the JWT's
 * `jti`) is refused with `conflict`, never stored twice.
 */
export async function storeCredential(
  db: Queryable,
  accountId: string,
  credential: DecodedCredential,
  source: 'claim' | 'import',
  now: Date,
  sdJwt?: KeptSdJwt,
): Promise<void> {
  const inserted = await db.run(
    `INSERT INTO credentials (account_id, id, jwt, issuer_did, issued_at, stored_at, source, sd_jwt_sealed, sd_jwt_claims)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, id) DO NOTHING`,
    [accountId, credential.id, credential.jwt, credential.issuerDid, credential.issuedAt.toISOString(), now.toISOString(), source, sdJwt?.sealed ?? null, sdJwt ? sdJwt.claims.join(',') : null],
  );
  if (inserted.changes === 0) {
    throw new PassportError('conflict', `The credential ${credential.id} is already in this passport`, { extra: { rejection: 'duplicate' } });
  }
}

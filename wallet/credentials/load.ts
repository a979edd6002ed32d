import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { DISCLOSABLE_CLAIMS, type DisclosableClaim } from '../../shared/sd-jwt-vc/index.ts';
import { decodeCredential, type DecodedCredential } from './decode.ts';

/** An SD-JWT VC as the passport keeps it: sealed (it carries the IIN), with the names of the claims it can disclose. */
export interface KeptSdJwt {
  sealed: string;
  claims: DisclosableClaim[];
}

/** A credential as the passport keeps it: the JWT, decoded, and when and how it came in. */
export interface StoredCredential extends DecodedCredential {
  storedAt: string;
  source: 'claim' | 'import';
  /** The SD-JWT VC of the same activity (all its disclosures, sealed), when the issuer gave one. */
  sdJwt?: KeptSdJwt;
}

interface CredentialRow {
  id: string;
  jwt: string;
  stored_at: string;
  source: 'claim' | 'import';
  sd_jwt_sealed: string | null;
  sd_jwt_claims: string | null;
}

/** The volunteer's credentials, newest activity first (by issuance, then by storage). */
export async function loadCredentials(db: Queryable, accountId: string): Promise<StoredCredential[]> {
  const rows = await db.all<CredentialRow>(
    'SELECT id, jwt, stored_at, source, sd_jwt_sealed, sd_jwt_claims FROM credentials WHERE account_id = ? ORDER BY issued_at DESC, stored_at DESC',
    [accountId],
  );
  return rows.map(toStored);
}

/** The named credentials, in the order asked; `not_found` naming the first that is not the volunteer's. */
export async function loadCredentialsById(db: Queryable, accountId: string, ids: readonly string[], field = 'credentialIds'): Promise<StoredCredential[]> {
  const out: StoredCredential[] = [];
  for (const [i, id] of ids.entries()) {
    const row = await db.get<CredentialRow>('SELECT id, jwt, stored_at, source, sd_jwt_sealed, sd_jwt_claims FROM credentials WHERE account_id = ? AND id = ?', [accountId, id]);
    if (!row) throw new PassportError('not_found', `There is no credential ${id} in this passport`, { field: `${field}.${i}` });
    out.push(toStored(row));
  }
  return out;
}

export async function loadCredential(db: Queryable, accountId: string, id: string): Promise<StoredCredential> {
  const row = await db.get<CredentialRow>('SELECT id, jwt, stored_at, source, sd_jwt_sealed, sd_jwt_claims FROM credentials WHERE account_id = ? AND id = ?', [accountId, id]);
  if (!row) throw new PassportError('not_found', `There is no credential ${id} in this passport`);
  return toStored(row);
}

function toStored(row: CredentialRow): StoredCredential {
  const sdJwt = row.sd_jwt_sealed ? { sealed: row.sd_jwt_sealed, claims: DISCLOSABLE_CLAIMS.filter((c) => (row.sd_jwt_claims ?? '').split(',').includes(c)) } : undefined;
  return { ...decodeCredential(row.jwt), storedAt: row.stored_at, source: row.source, ...(sdJwt ? { sdJwt } : {}) };
}

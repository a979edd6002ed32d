import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { decodeCredential, type DecodedCredential } from './decode.ts';

/** A credential as the passport keeps it: the JWT, decoded, and when and how it came in. */
export interface StoredCredential extends DecodedCredential {
  storedAt: string;
  source: 'claim' | 'import';
  /** The SD-JWT VC of the same activity (all its disclosures), when the issuer gave one. */
  sdJwt?: string;
}

interface CredentialRow {
  id: string;
  jwt: string;
  stored_at: string;
  source: 'claim' | 'import';
  sd_jwt: string | null;
}

/** The volunteer's credentials, newest activity first (by issuance, then by storage). */
export async function loadCredentials(db: Queryable, accountId: string): Promise<StoredCredential[]> {
  const rows = await db.all<CredentialRow>(
    'SELECT id, jwt, stored_at, source, sd_jwt FROM credentials WHERE account_id = ? ORDER BY issued_at DESC, stored_at DESC',
    [accountId],
  );
  return rows.map(toStored);
}

/** The named credentials, in the order asked; `not_found` naming the first that is not the volunteer's. */
export async function loadCredentialsById(db: Queryable, accountId: string, ids: readonly string[], field = 'credentialIds'): Promise<StoredCredential[]> {
  const out: StoredCredential[] = [];
  for (const [i, id] of ids.entries()) {
    const row = await db.get<CredentialRow>('SELECT id, jwt, stored_at, source, sd_jwt FROM credentials WHERE account_id = ? AND id = ?', [accountId, id]);
    if (!row) throw new PassportError('not_found', `There is no credential ${id} in this passport`, { field: `${field}.${i}` });
    out.push(toStored(row));
  }
  return out;
}

export async function loadCredential(db: Queryable, accountId: string, id: string): Promise<StoredCredential> {
  const row = await db.get<CredentialRow>('SELECT id, jwt, stored_at, source, sd_jwt FROM credentials WHERE account_id = ? AND id = ?', [accountId, id]);
  if (!row) throw new PassportError('not_found', `There is no credential ${id} in this passport`);
  return toStored(row);
}

function toStored(row: CredentialRow): StoredCredential {
  return { ...decodeCredential(row.jwt), storedAt: row.stored_at, source: row.source, ...(row.sd_jwt ? { sdJwt: row.sd_jwt } : {}) };
}

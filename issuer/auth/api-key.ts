import { randomBytes } from 'node:crypto';
import { hashToken, newToken } from '../../shared/crypto/index.ts';
import type { Queryable } from '../../shared/db/index.ts';

/** A new API key: its public id (named in the audit trail), and the secret handed out once. */
export interface NewApiKey {
  /** `key_` and 20 hex digits: safe to show, log and audit. */
  id: string;
  /** The bearer token, shown to its owner once; only its SHA-256 is stored. */
  apiKey: string;
}

/**
 * Creates an API key for a front office or organization and stores it (its hash and public id)
 * inside the caller's transaction.
 */
export async function createApiKey(tx: Queryable, owner: { kind: 'front_office' | 'organization'; id: string }, at: string, name?: string): Promise<NewApiKey> {
  const key = { id: `key_${randomBytes(10).toString('hex')}`, apiKey: newToken(owner.kind === 'organization' ? 'vp_org' : 'vp_fo') };
  await tx.run('INSERT INTO api_keys (id, key_hash, owner_kind, owner_id, created_at, name) VALUES (?, ?, ?, ?, ?, ?)', [key.id, hashToken(key.apiKey), owner.kind, owner.id, at, name ?? null]);
  return key;
}

import { hashToken } from '../../shared/crypto/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';

export interface OpenedShare {
  vpJwt: string;
  expiresAt: string;
}

/**
 * The presentation behind a share link: `not_found` once deleted (or never made), `gone` once
 * expired. Looked up by the token's hash, so the table never answers to the token itself.
 */
export async function openShare(db: Queryable, token: string, now: Date): Promise<OpenedShare> {
  const row = /^[A-Za-z0-9_-]{16,128}$/.test(token)
    ? await db.get<{ vp_jwt: string; expires_at: string }>('SELECT vp_jwt, expires_at FROM shares WHERE token_hash = ?', [hashToken(token)])
    : undefined;
  if (!row) throw new PassportError('not_found', 'This share link does not exist or was deleted by its owner');
  if (row.expires_at <= now.toISOString()) throw new PassportError('gone', `This share link expired at ${row.expires_at}`);
  return { vpJwt: row.vp_jwt, expiresAt: row.expires_at };
}

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hashToken } from '../../shared/crypto/index.ts';
import type { Database, Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';

/** What an e-mailed link does once opened. */
export type LinkPurpose = 'confirm_email' | 'reset_password';

/** 32 random bytes, base64url: the whole token, as the link carries it after `#token=`. */
export const LinkTokenSchema = z.string({ message: 'must be a string' }).regex(/^[A-Za-z0-9_-]{43}$/, 'must be the token from the link');

/** Only a SHA-256 is stored: a copy of the database opens no account. 256 random bits need no slow hash. */
function linkHash(token: string): string {
  return hashToken(`email-link:${token}`);
}

/**
 * Makes a single-use link token for the account and returns it (the only time it exists in
 * clear). The account's earlier links of the same purpose stop working: only the newest counts.
 */
export async function mintLink(db: Queryable, link: { accountId: string; purpose: LinkPurpose; email: string; now: Date; ttlMs: number }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.run('DELETE FROM email_links WHERE account_id = ? AND (purpose = ? OR expires_at <= ?)', [link.accountId, link.purpose, link.now.toISOString()]);
  await db.run('INSERT INTO email_links (token_hash, account_id, purpose, email, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
    linkHash(token),
    link.accountId,
    link.purpose,
    link.email,
    link.now.toISOString(),
    new Date(link.now.getTime() + link.ttlMs).toISOString(),
  ]);
  return token;
}

/**
 * Uses a link up: the account and address it was made for, or 410 `gone` when the token is
 * unknown, used, expired or of another purpose (one answer for all four, so the answer tells a
 * guesser nothing). One conditional DELETE: two parallel uses cannot both pass.
 */
export async function takeLink(db: Database, token: string, purpose: LinkPurpose, now: Date): Promise<{ accountId: string; email: string }> {
  const hash = linkHash(token);
  const row = await db.get<{ account_id: string; email: string; expires_at: string }>('SELECT account_id, email, expires_at FROM email_links WHERE token_hash = ? AND purpose = ?', [hash, purpose]);
  const taken = row ? await db.run('DELETE FROM email_links WHERE token_hash = ?', [hash]) : { changes: 0 };
  if (!row || taken.changes !== 1 || row.expires_at <= now.toISOString()) {
    throw new PassportError('gone', 'This link is not valid: it was used already, it expired, or a newer one was sent', { field: 'token' });
  }
  return { accountId: row.account_id, email: row.email };
}

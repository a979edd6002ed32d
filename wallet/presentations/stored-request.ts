import { createHash } from 'node:crypto';
import type { Queryable } from '../../shared/db/index.ts';
import type { GuardedFetch } from '../../shared/net/index.ts';
import { fetchPresentationRequest, type PresentationRequest } from './request.ts';

/** How long a fetched request is kept for the answer when the request itself names no expiry. */
const KEEP_MS = 15 * 60_000;

/**
 * The request behind a link, as fetched when the volunteer opened it. Kept in the database (not
 * in memory), so that the answer can be sent from any instance, and so that a verifier whose
 * request_uri answers only once still gets its answer.
 */
export async function openPresentationRequest(
  deps: { db: Queryable; fetch: GuardedFetch; now: () => Date },
  accountId: string,
  link: string,
): Promise<PresentationRequest> {
  const now = deps.now();
  const key = createHash('sha256').update(link.trim()).digest('hex');
  const kept = await deps.db.get<{ request: string }>('SELECT request FROM presentation_requests WHERE account_id = ? AND uri_hash = ? AND expires_at > ?', [
    accountId,
    key,
    now.toISOString(),
  ]);
  if (kept) return JSON.parse(kept.request) as PresentationRequest;
  const request = await fetchPresentationRequest(deps.fetch, link, now);
  const expiresAt = request.expiresAt ?? new Date(now.getTime() + KEEP_MS).toISOString();
  await deps.db.run(
    `INSERT INTO presentation_requests (account_id, uri_hash, request, expires_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id, uri_hash) DO UPDATE SET request = excluded.request, expires_at = excluded.expires_at`,
    [accountId, key, JSON.stringify(request), expiresAt],
  );
  await deps.db.run('DELETE FROM presentation_requests WHERE expires_at <= ?', [now.toISOString()]);
  return request;
}

export async function forgetPresentationRequest(db: Queryable, accountId: string, link: string): Promise<void> {
  await db.run('DELETE FROM presentation_requests WHERE account_id = ? AND uri_hash = ?', [accountId, createHash('sha256').update(link.trim()).digest('hex')]);
}

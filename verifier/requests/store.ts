import type { LocalizedText } from '../../shared/credential/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import type { Policy } from '../checks/index.ts';
import type { VerificationResult } from '../verification/report.ts';

/** A presentation request as stored: `answered` while its answer is being verified. */
export interface PresentationRequest {
  id: string;
  nonce: string;
  purpose: LocalizedText;
  policy: Policy | undefined;
  status: 'pending' | 'answered' | 'verified' | 'failed';
  createdAt: string;
  expiresAt: string;
  answeredAt: string | undefined;
  result: VerificationResult | undefined;
}

export type PublicStatus = 'pending' | 'verified' | 'failed' | 'expired';

interface Row {
  id: string;
  nonce: string;
  purpose: string;
  policy: string | null;
  status: PresentationRequest['status'];
  created_at: string;
  expires_at: string;
  answered_at: string | null;
  result: string | null;
}

export async function insertRequest(db: Queryable, r: PresentationRequest): Promise<void> {
  await db.run(
    'INSERT INTO presentation_requests (id, nonce, purpose, policy, status, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [r.id, r.nonce, JSON.stringify(r.purpose), r.policy ? JSON.stringify(r.policy) : null, r.status, r.createdAt, r.expiresAt],
  );
}

export async function findRequest(db: Queryable, id: string): Promise<PresentationRequest | undefined> {
  const row = await db.get<Row>('SELECT * FROM presentation_requests WHERE id = ?', [id]);
  if (!row) return undefined;
  return {
    id: row.id,
    nonce: row.nonce,
    purpose: JSON.parse(row.purpose) as LocalizedText,
    policy: row.policy ? (JSON.parse(row.policy) as Policy) : undefined,
    status: row.status,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    answeredAt: row.answered_at ?? undefined,
    result: row.result ? (JSON.parse(row.result) as VerificationResult) : undefined,
  };
}

/**
 * Takes the request's one answer: true for the single caller that moved it from pending to
 * answered before it expired. The condition in the UPDATE makes this safe across instances.
 */
export async function claimRequest(db: Queryable, id: string, now: Date): Promise<boolean> {
  const { changes } = await db.run(
    "UPDATE presentation_requests SET status = 'answered', answered_at = ? WHERE id = ? AND status = 'pending' AND expires_at > ?",
    [now.toISOString(), id, now.toISOString()],
  );
  return changes === 1;
}

export async function recordResult(db: Queryable, id: string, result: VerificationResult): Promise<void> {
  await db.run("UPDATE presentation_requests SET status = ?, result = ? WHERE id = ? AND status = 'answered'", [
    result.verified ? 'verified' : 'failed',
    JSON.stringify(result),
    id,
  ]);
}

/** How long a request and its result (volunteers' names and activities) are kept after it expired. */
export const REQUEST_RETENTION_DAYS = 7;

/** Deletes requests that expired more than REQUEST_RETENTION_DAYS ago: results are personal data, kept no longer than useful. */
export async function forgetOldRequests(db: Queryable, now: Date): Promise<number> {
  const before = new Date(now.getTime() - REQUEST_RETENTION_DAYS * 86_400_000).toISOString();
  return (await db.run('DELETE FROM presentation_requests WHERE expires_at < ?', [before])).changes;
}

/** What `GET /v1/requests/{id}` says: an answer being verified still reads as pending. */
export function publicStatus(r: PresentationRequest, now: Date): PublicStatus {
  if (r.status === 'verified' || r.status === 'failed') return r.status;
  if (r.status === 'pending' && r.expiresAt <= now.toISOString()) return 'expired';
  return 'pending';
}

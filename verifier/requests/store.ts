import type { LocalizedText } from '../../shared/credential/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import type { Policy } from '../checks/index.ts';
import type { VerificationResult } from '../verification/report.ts';
import type { KeptIin } from './iin-hash.ts';

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
  /** SHA-256 of the token that reads the request's state and result (`GET /v1/requests/{id}`). */
  readTokenHash: string | undefined;
  firstReadAt: string | undefined;
  /** Whether the request asks for the volunteer's IIN. */
  asksIin: boolean;
  /** The typed IIN's salt and keyed hash, until the answer is judged. */
  iin: KeptIin | undefined;
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
  read_token_hash: string | null;
  first_read_at: string | null;
  iin_salt: string | null;
  iin_hash: string | null;
}

export async function insertRequest(db: Queryable, r: PresentationRequest): Promise<void> {
  await db.run(
    'INSERT INTO presentation_requests (id, nonce, purpose, policy, status, created_at, expires_at, read_token_hash, iin_salt, iin_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [r.id, r.nonce, JSON.stringify(r.purpose), r.policy ? JSON.stringify(r.policy) : null, r.status, r.createdAt, r.expiresAt, r.readTokenHash ?? null, r.iin?.salt ?? null, r.iin?.hash ?? null],
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
    readTokenHash: row.read_token_hash ?? undefined,
    firstReadAt: row.first_read_at ?? undefined,
    asksIin: row.iin_salt !== null,
    iin: row.iin_salt !== null && row.iin_hash !== null ? { salt: row.iin_salt, hash: row.iin_hash } : undefined,
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

/** Stores the result; the typed IIN's hash has served its one comparison and goes. */
export async function recordResult(db: Queryable, id: string, result: VerificationResult): Promise<void> {
  await db.run("UPDATE presentation_requests SET status = ?, result = ?, iin_hash = NULL WHERE id = ? AND status = 'answered'", [
    result.verified ? 'verified' : 'failed',
    JSON.stringify(result),
    id,
  ]);
}

/** How long a request is kept after it expired when its result was never read. */
export const UNREAD_RETENTION_MS = 60 * 60_000;
/** How long a result is kept once the requesting page first read it: long enough to look at, no longer. */
export const READ_RETENTION_MS = 10 * 60_000;

/**
 * Forgets requests whose results are no longer useful: read more than READ_RETENTION_MS ago, or
 * expired more than UNREAD_RETENTION_MS ago. Results are personal data (a volunteer's name, DID
 * and activities), kept no longer than the employer's screen needs them.
 */
export async function forgetOldRequests(db: Queryable, now: Date): Promise<number> {
  const read = await db.run('DELETE FROM presentation_requests WHERE first_read_at < ?', [new Date(now.getTime() - READ_RETENTION_MS).toISOString()]);
  const expired = await db.run('DELETE FROM presentation_requests WHERE expires_at < ?', [new Date(now.getTime() - UNREAD_RETENTION_MS).toISOString()]);
  return read.changes + expired.changes;
}

/** Starts the result's READ_RETENTION_MS clock the first time it is read. */
export async function markResultRead(db: Queryable, id: string, now: Date): Promise<void> {
  await db.run('UPDATE presentation_requests SET first_read_at = ? WHERE id = ? AND first_read_at IS NULL AND result IS NOT NULL', [now.toISOString(), id]);
}

/** What `GET /v1/requests/{id}` says: an answer being verified still reads as pending. */
export function publicStatus(r: PresentationRequest, now: Date): PublicStatus {
  if (r.status === 'verified' || r.status === 'failed') return r.status;
  if (r.status === 'pending' && r.expiresAt <= now.toISOString()) return 'expired';
  return 'pending';
}

import { createHash } from 'node:crypto';

/** The `prev_hash` of the first entry of a trail: nothing came before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** An entry as it is stored, the columns its hash covers. */
export interface ChainedEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  /** The stored JSON text (or null): hashed as stored, so verifying never re-serializes. */
  detail: string | null;
}

/**
 * The hash of an entry: SHA-256 (hex) over a canonical serialization, a JSON array of a version
 * tag and the fields in a fixed order. JSON escaping of strings is unambiguous, so no two
 * different entries serialize alike; the previous entry's hash inside makes each hash commit to
 * the whole trail before it.
 */
export function entryHash(entry: ChainedEntry, prevHash: string): string {
  const canonical = JSON.stringify(['vp-audit/1', Number(entry.seq), entry.at, entry.actor, entry.action, entry.subject, entry.detail, prevHash]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

import type { Queryable } from '../../shared/db/index.ts';
import { entryHash, GENESIS_HASH, type ChainedEntry } from './chain.ts';

/** Why the chain is broken at an entry. */
export type ChainBreakCode =
  /** The entry's seq is not the one after its predecessor's: entries before it were deleted (or it was renumbered). */
  | 'entry_missing'
  /** The entry's `prev_hash` is not its predecessor's hash: an entry before it was replaced, deleted or moved here. */
  | 'link_broken'
  /** The entry's content does not hash to its `hash`: it was edited. */
  | 'hash_mismatch'
  /** An entry without hashes after chained ones: written past the application. */
  | 'unchained'
  /** The head recorded earlier (`--expect-head`) is no longer in the trail: it was cut short or rewritten. */
  | 'head_mismatch';

export interface ChainBreak {
  seq: number;
  code: ChainBreakCode;
  detail: string;
}

export interface AuditChainReport {
  intact: boolean;
  /** Entries walked (up to the break, when there is one). */
  entries: number;
  /** The last entry and its hash: record it elsewhere to detect a trail cut short later. */
  head?: { seq: number; hash: string };
  /** The first broken entry. */
  broken?: ChainBreak;
}

interface Row extends ChainedEntry {
  prev_hash: string | null;
  hash: string | null;
}

const PAGE = 1000;

/**
 * Walks the audit trail in `seq` order, recomputing every hash, and reports the first entry
 * where the chain breaks. Reads page by page, so a trail of millions of entries needs little
 * memory. `expectHead`, a head printed by an earlier run, must still be in the trail: that is
 * what catches entries cut from the end, which leave no broken link behind.
 *
 * @example
 * const report = await verifyAuditChain(db);
 * if (!report.intact) console.error(`entry ${report.broken.seq}: ${report.broken.detail}`);
 */
export async function verifyAuditChain(q: Queryable, options: { expectHead?: { seq: number; hash: string } } = {}): Promise<AuditChainReport> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let chained = false;
  let entries = 0;
  let head: { seq: number; hash: string } | undefined;
  const broken = (seq: number, code: ChainBreakCode, detail: string): AuditChainReport => ({ intact: false, entries, ...(head ? { head } : {}), broken: { seq, code, detail } });

  for (;;) {
    const page = await q.all<Row>('SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?', [expectedSeq, PAGE]);
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return broken(seq, 'entry_missing', `entry ${seq} follows entry ${expectedSeq - 1}: ${seq - expectedSeq === 1 ? `entry ${expectedSeq} is` : `entries ${expectedSeq} to ${seq - 1} are`} missing (deleted)`);
      }
      if (row.hash === null) {
        if (chained) return broken(seq, 'unchained', `entry ${seq} has no hash but follows chained entries: it was written past the application`);
        prev = entryHash(row, prev);
      } else {
        chained = true;
        if (row.prev_hash !== prev) {
          return broken(seq, 'link_broken', `entry ${seq} does not link to the entry before it: an entry before it was deleted, replaced or moved`);
        }
        if (entryHash(row, row.prev_hash) !== row.hash) {
          return broken(seq, 'hash_mismatch', `entry ${seq} (${row.action} ${row.subject}) does not match its hash: it was edited`);
        }
        prev = row.hash;
      }
      entries++;
      head = { seq, hash: prev };
      if (options.expectHead?.seq === seq && options.expectHead.hash !== prev) {
        return broken(seq, 'head_mismatch', `entry ${seq} hashes to ${prev}, not to the recorded head ${options.expectHead.hash}: the trail was rewritten up to it`);
      }
      expectedSeq++;
    }
    if (page.length < PAGE) break;
  }
  if (options.expectHead && options.expectHead.seq >= expectedSeq) {
    return broken(options.expectHead.seq, 'head_mismatch', `the recorded head, entry ${options.expectHead.seq}, is gone: the trail ends at entry ${expectedSeq - 1} (entries were cut from its end)`);
  }
  return { intact: true, entries, ...(head ? { head } : {}) };
}

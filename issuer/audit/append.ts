import type { Queryable, SqlValue } from '../../shared/db/index.ts';
import type { AuditAction } from './actions.ts';
import { describeActor, type AuditActor } from './actor.ts';
import { entryHash, GENESIS_HASH, type ChainedEntry } from './chain.ts';
import { scopesOf } from './scope.ts';

export interface AuditEntry {
  at: Date;
  actor: AuditActor;
  action: AuditAction;
  subject: string;
  detail?: unknown;
  /** The unit the entry concerns, when the action does not say (see `scope.ts`). */
  unit?: string;
}

interface StoredEntry extends ChainedEntry {
  hash: string | null;
}

/**
 * Appends to the audit trail inside the caller's transaction, so the record and the change it
 * describes are written together or not at all. Each entry holds the hash of the one before
 * (`prev_hash`) and its own (`hash`), so an entry edited, deleted or moved afterwards breaks the
 * chain that `npm run audit:verify` walks. The table refuses updates and deletes.
 *
 * Reading the last entry and inserting the next must not interleave with another appender, or
 * two entries would name the same predecessor. On SQLite the transaction already holds the one
 * writer lock (BEGIN IMMEDIATE), across processes too. PostgreSQL lets two transactions read
 * the same last row, so there the table is locked first: EXCLUSIVE mode blocks other appenders
 * until commit while plain reads go on.
 */
export async function audit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await auditAll(tx, [entry]);
}

/** Rows per INSERT: ten parameters each stays far below every engine's limit. */
const ROWS_PER_STATEMENT = 200;

/**
 * Appends several entries, in order, as `audit` does one: the last entry is read once and the
 * rows go in a few multi-row INSERTs, so a batch of 10,000 activities costs no more than before
 * the trail was chained.
 */
export async function auditAll(tx: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (tx.dialect === 'postgres') await tx.run('LOCK TABLE audit_log IN EXCLUSIVE MODE');
  const last = await tx.get<StoredEntry>('SELECT seq, at, actor, action, subject, detail, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  let prevHash = last ? (last.hash ?? (await headOfUnchained(tx))) : GENESIS_HASH;
  let seq = last ? Number(last.seq) : 0;
  const scopes = await scopesOf(tx, entries);
  const rows: SqlValue[][] = entries.map((entry, i) => {
    const row: ChainedEntry = {
      seq: ++seq,
      at: entry.at.toISOString(),
      actor: describeActor(entry.actor),
      action: entry.action,
      subject: entry.subject,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    };
    const hash = entryHash(row, prevHash);
    const values = [row.seq, row.at, row.actor, row.action, row.subject, row.detail, prevHash, hash, scopes[i]!.unit, scopes[i]!.region];
    prevHash = hash;
    return values;
  });
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const slice = rows.slice(i, i + ROWS_PER_STATEMENT);
    await tx.run(
      `INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash, unit, region) VALUES ${slice.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      slice.flat(),
    );
  }
}

/**
 * Entries written before the trail was chained carry no hashes (the table refuses updates, so
 * they cannot be given any). They are chained as if they had been, from the genesis value, and
 * the first chained entry links to the result: the chain covers them too, and `audit:verify`
 * recomputes them the same way. Runs once, on the first append after the upgrade.
 */
async function headOfUnchained(tx: Queryable): Promise<string> {
  let prev = GENESIS_HASH;
  let after = 0;
  for (;;) {
    const page = await tx.all<ChainedEntry>('SELECT seq, at, actor, action, subject, detail FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 1000', [after]);
    if (page.length === 0) return prev;
    for (const e of page) prev = entryHash(e, prev);
    after = Number(page.at(-1)!.seq);
  }
}

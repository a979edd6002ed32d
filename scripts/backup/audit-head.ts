import sqlite3 from 'sqlite3';
import type { Queryable, SqlValue } from '../../shared/db/index.ts';
import { verifyAuditChain, type AuditChainReport } from '../../issuer/audit/index.ts';

/**
 * Walks the audit trail of a backed-up issuer database (read-only: the copy stays byte for byte
 * what the manifest's checksum says). A backup kept off the machine then also keeps the trail's
 * head, which is what catches a trail cut short later (`audit:verify --expect-head`).
 */
export async function auditHeadOf(file: string): Promise<AuditChainReport | undefined> {
  const db = await new Promise<sqlite3.Database>((done, fail) => {
    const opened = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => (err ? fail(err) : done(opened)));
  });
  const all = <T>(sql: string, params: readonly SqlValue[] = []) =>
    new Promise<T[]>((done, fail) => db.all(sql, params as SqlValue[], (err: Error | null, rows: T[]) => (err ? fail(err) : done(rows))));
  const q: Queryable = {
    dialect: 'sqlite',
    all,
    get: async <T>(sql: string, params?: readonly SqlValue[]) => (await all<T>(sql, params))[0],
    run: () => Promise.reject(new Error('read-only')),
  };
  try {
    const hasTrail = await all("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'");
    return hasTrail.length ? await verifyAuditChain(q) : undefined;
  } finally {
    await new Promise<void>((done) => db.close(() => done()));
  }
}

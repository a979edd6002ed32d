import BetterSqlite3 from 'better-sqlite3';
import type { Queryable, SqlValue } from '../../shared/db/index.ts';
import { verifyAuditChain, type AuditChainReport } from '../../issuer/audit/index.ts';

/**
 * Walks the audit trail of a backed-up issuer database (read-only: the copy stays byte for byte
 * what the manifest's checksum says). A backup kept off the machine then also keeps the trail's
 * head, which is what catches a trail cut short later (`audit:verify --expect-head`).
 */
export async function auditHeadOf(file: string): Promise<AuditChainReport | undefined> {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const all = async <T>(sql: string, params: readonly SqlValue[] = []) => db.prepare(sql).all(...params) as T[];
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
    db.close();
  }
}

/** A value that can be bound to a `?` placeholder. */
export type SqlValue = string | number | bigint | null | Uint8Array;

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/**
 * What services see of the database: `?` placeholders and portable SQL (`INSERT … ON CONFLICT
 * DO NOTHING`, `TEXT`/`INTEGER`/`REAL`, no engine-specific functions), so that a PostgreSQL
 * implementation behind `DATABASE_URL` can stand in without touching the callers.
 */
export interface Queryable {
  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  /**
   * `sqlite` or `postgres`, for the rare statement that must differ. On a transaction's handle
   * too, so code handed only `tx` can take a lock that PostgreSQL needs and SQLite's single
   * writer makes unnecessary (the audit trail's append does).
   */
  readonly dialect: 'sqlite' | 'postgres';
}

export interface Database extends Queryable {
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * Writes that must not be half-done (a batch, an issuance and its status index) go here.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Migration {
  /** Applied in ascending order; never renumber one that has shipped. */
  id: number;
  name: string;
  /** Portable SQL, run as it is on SQLite (and on PostgreSQL unless `postgres` is given). */
  sql: string;
  /** The PostgreSQL form of the whole migration, for the rare one whose SQL must differ. */
  postgres?: string;
}

import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import sqlite3 from 'sqlite3';
import type { Database, Queryable, RunResult, SqlValue } from './types.ts';

/**
 * SQLite in WAL mode. Writes and transactions go through one connection, one at a time (SQLite
 * has a single writer anyway); reads outside a transaction use a second connection, so they see
 * committed data only and never wait behind a long batch.
 */
export async function openSqlite(file: string): Promise<Database> {
  if (file !== ':memory:') ownerOnly(file);
  const writer = await connect(file);
  await exec(writer, 'PRAGMA journal_mode = WAL');
  await exec(writer, 'PRAGMA synchronous = NORMAL');
  await exec(writer, 'PRAGMA foreign_keys = ON');
  await exec(writer, 'PRAGMA busy_timeout = 10000');
  const reader = file === ':memory:' ? writer : await connect(file);
  if (reader !== writer) {
    await exec(reader, 'PRAGMA busy_timeout = 10000');
    await exec(reader, 'PRAGMA query_only = ON');
  }
  const lock = new Mutex();
  const writerStatements = new StatementCache(writer);
  const readerStatements = reader === writer ? writerStatements : new StatementCache(reader);
  const onWriter = queryable(writerStatements);
  const onReader = queryable(readerStatements);
  return {
    dialect: 'sqlite',
    get: (sql, params) => (isRead(sql) ? onReader.get(sql, params) : lock.run(() => onWriter.get(sql, params))),
    all: (sql, params) => (isRead(sql) ? onReader.all(sql, params) : lock.run(() => onWriter.all(sql, params))),
    run: (sql, params) => lock.run(() => onWriter.run(sql, params)),
    transaction: (work) =>
      lock.run(async () => {
        await exec(writer, 'BEGIN IMMEDIATE');
        try {
          const result = await work(onWriter);
          await exec(writer, 'COMMIT');
          return result;
        } catch (err) {
          await exec(writer, 'ROLLBACK').catch(() => undefined);
          throw err;
        }
      }),
    close: async () => {
      await lock.run(async () => {
        await writerStatements.clear();
        if (readerStatements !== writerStatements) await readerStatements.clear();
        await closeDb(writer);
        if (reader !== writer) await closeDb(reader);
      });
    },
  };
}

/**
 * The database holds private keys (sealed) and personal data: readable by the service's user
 * only. SQLite creates files 0644 but gives its -wal and -shm files the mode of the database
 * file, so creating that file 0600 first (and tightening those left by an older version) is enough.
 */
function ownerOnly(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}

function isRead(sql: string): boolean {
  return /^\s*(SELECT|WITH)\b/i.test(sql) && !/\bRETURNING\b/i.test(sql);
}

function queryable(statements: StatementCache): Queryable {
  return {
    dialect: 'sqlite',
    get: <T>(sql: string, params: readonly SqlValue[] = []) =>
      new Promise<T | undefined>((resolve, reject) =>
        statements.use(sql, reject, (stmt) => {
          stmt.get(params as SqlValue[], (err: Error | null, row: T) => (err ? reject(err) : resolve(row)));
          // A statement stepped to a row and left so holds its read snapshot (and in a write, its lock).
          stmt.reset();
        }),
      ),
    all: <T>(sql: string, params: readonly SqlValue[] = []) =>
      new Promise<T[]>((resolve, reject) =>
        statements.use(sql, reject, (stmt) => stmt.all(params as SqlValue[], (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)))),
      ),
    run: (sql: string, params: readonly SqlValue[] = []) =>
      new Promise<RunResult>((resolve, reject) =>
        statements.use(sql, reject, (stmt) =>
          stmt.run(params as SqlValue[], function (this: sqlite3.RunResult, err: Error | null) {
            if (err) reject(err);
            else resolve({ changes: this.changes });
          }),
        ),
      ),
  };
}

/** Prepared statements kept per connection, at most this many (the least recently used are finalized). */
const STATEMENTS_PER_CONNECTION = 128;

/**
 * The connection's prepared statements by their SQL, reused: preparing (parsing and planning the
 * SQL) and finalizing cost two of the three trips to SQLite's thread that a statement made each
 * time, and an issuance runs some twenty statements. node-sqlite3 runs the calls on one statement
 * in the order they were made, so concurrent users of one statement queue there.
 */
class StatementCache {
  private readonly statements = new Map<string, { stmt: sqlite3.Statement; prepared: Promise<void> }>();

  constructor(private readonly db: sqlite3.Database) {}

  /** Calls `work` with the prepared statement of `sql`, or `fail` with the error of preparing it. */
  use(sql: string, fail: (err: Error) => void, work: (stmt: sqlite3.Statement) => void): void {
    let entry = this.statements.get(sql);
    if (entry) {
      this.statements.delete(sql);
      this.statements.set(sql, entry);
    } else {
      let stmt!: sqlite3.Statement;
      const prepared = new Promise<void>((resolve, reject) => {
        stmt = this.db.prepare(sql, (err: Error | null) => (err ? reject(err) : resolve()));
      });
      entry = { stmt, prepared };
      const made = entry;
      // A statement that does not prepare is not kept: the next use tries again (and says why).
      prepared.catch(() => {
        if (this.statements.get(sql) === made) this.statements.delete(sql);
      });
      this.statements.set(sql, entry);
      if (this.statements.size > STATEMENTS_PER_CONNECTION) this.evictOldest();
    }
    const { stmt } = entry;
    entry.prepared.then(() => work(stmt), fail);
  }

  /** Finalizes every statement (after the calls already made on it), before the connection closes. */
  async clear(): Promise<void> {
    const all = [...this.statements.values()];
    this.statements.clear();
    await Promise.all(all.map((e) => finalize(e)));
  }

  private evictOldest(): void {
    const [sql, entry] = this.statements.entries().next().value as [string, { stmt: sqlite3.Statement; prepared: Promise<void> }];
    this.statements.delete(sql);
    void finalize(entry);
  }
}

/** Finalizes after the calls made so far: node-sqlite3 queues it behind them. */
function finalize(entry: { stmt: sqlite3.Statement; prepared: Promise<void> }): Promise<void> {
  return entry.prepared.then(
    () => new Promise<void>((resolve) => entry.stmt.finalize(() => resolve())),
    () => undefined,
  );
}

function connect(file: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(db)));
  });
}

function exec(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
}

function closeDb(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
}

/** A FIFO lock: one holder at a time, in the order they asked. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

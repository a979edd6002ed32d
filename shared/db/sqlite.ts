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
  const onWriter = queryable(writer);
  const onReader = queryable(reader);
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

function queryable(db: sqlite3.Database): Queryable {
  return {
    dialect: 'sqlite',
    get: <T>(sql: string, params: readonly SqlValue[] = []) =>
      new Promise<T | undefined>((resolve, reject) =>
        db.get(sql, params as SqlValue[], (err: Error | null, row: T) => (err ? reject(err) : resolve(row))),
      ),
    all: <T>(sql: string, params: readonly SqlValue[] = []) =>
      new Promise<T[]>((resolve, reject) =>
        db.all(sql, params as SqlValue[], (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows))),
      ),
    run: (sql: string, params: readonly SqlValue[] = []) =>
      new Promise<RunResult>((resolve, reject) =>
        db.run(sql, params as SqlValue[], function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(err);
          else resolve({ changes: this.changes });
        }),
      ),
  };
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

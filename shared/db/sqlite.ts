import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Queryable, RunResult, SqlValue } from './types.ts';

type Connection = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement<unknown[]>;

/**
 * SQLite in WAL mode through better-sqlite3, whose statements run synchronously on the calling
 * thread. A statement costs microseconds instead of a trip to libuv's thread pool and back
 * (node-sqlite3's way), so a transaction of twenty statements holds the one write lock for well
 * under a millisecond rather than for twenty turns of a busy event loop: that lock was what held
 * OpenID4VCI claims to about a hundred a second (docs/performance.md).
 *
 * Writes and transactions go through one connection, one at a time (SQLite has a single writer
 * anyway); reads outside a transaction use a second connection, so they see committed data only
 * and never wait behind a long batch. Waiting for another process's write lock (several
 * `WORKERS`, or `npm run migrate` beside a running service) happens asleep on the event loop,
 * never in SQLite's busy handler, which would block the thread: see `withWriteLock`.
 */
export async function openSqlite(file: string): Promise<Database> {
  if (file !== ':memory:') ownerOnly(file);
  const writer = connect(file, STARTUP_BUSY_MS);
  writer.pragma('journal_mode = WAL');
  writer.pragma('synchronous = NORMAL');
  writer.pragma('foreign_keys = ON');
  // From here on the writer never waits inside SQLite: a busy database is retried asleep.
  writer.pragma('busy_timeout = 0');
  const reader = file === ':memory:' ? writer : connect(file, READER_BUSY_MS);
  if (reader !== writer) reader.pragma('query_only = ON');
  const lock = new Mutex();
  const writerStatements = new StatementCache(writer);
  const readerStatements = reader === writer ? writerStatements : new StatementCache(reader);
  const onWriter = queryable(writerStatements);
  const onReader = queryable(readerStatements);
  /** One write outside a transaction: its own autocommit transaction, retried while another process writes. */
  const write = <T>(work: () => T): Promise<T> => lock.run(() => withWriteLock(() => work()));
  return {
    dialect: 'sqlite',
    get: (sql, params) => (isRead(sql) ? onReader.get(sql, params) : write(() => writerStatements.get(sql, params))),
    all: (sql, params) => (isRead(sql) ? onReader.all(sql, params) : write(() => writerStatements.all(sql, params))),
    run: (sql, params) => write(() => writerStatements.run(sql, params)),
    transaction: (work) =>
      lock.run(async () => {
        await withWriteLock(() => writer.exec('BEGIN IMMEDIATE'));
        try {
          const result = await work(onWriter);
          writer.exec('COMMIT');
          return result;
        } catch (err) {
          if (writer.inTransaction) writer.exec('ROLLBACK');
          throw err;
        }
      }),
    close: async () => {
      await lock.run(async () => {
        writerStatements.clear();
        readerStatements.clear();
        writer.close();
        if (reader !== writer) reader.close();
      });
    },
  };
}

/** How long opening (WAL, migrations' first lock) may wait in SQLite for another process starting at once. */
const STARTUP_BUSY_MS = 10_000;
/**
 * A read in WAL mode waits only in rare moments (another connection recovering the WAL after a
 * crash); that wait blocks the thread, so it is kept short.
 */
const READER_BUSY_MS = 2_000;
/** How long a write waits, asleep, for another process's write lock before it fails. */
const WRITE_LOCK_WAIT_MS = 10_000;

/**
 * Runs `work` (which takes SQLite's write lock: `BEGIN IMMEDIATE`, or one autocommit write) and
 * retries it while another process holds that lock, sleeping 1, 2, 4 … at most 50 ms between
 * tries: the event loop goes on serving meanwhile, which SQLite's own busy timeout would stop.
 * A failed `BEGIN IMMEDIATE` or autocommit write has changed nothing, so a retry is safe.
 */
async function withWriteLock<T>(work: () => T): Promise<T> {
  const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    try {
      return work();
    } catch (err) {
      if (!isBusy(err) || Date.now() >= deadline) throw err;
    }
    await sleep(pause);
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED');
}

/** A connection whose SQLite busy handler waits at most `busyMs` (blocking the thread meanwhile). */
function connect(file: string, busyMs: number): Connection {
  return new BetterSqlite3(file, { timeout: busyMs });
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

/** A connection's statements as the promise-returning `Queryable` the services use. */
function queryable(statements: StatementCache): Queryable {
  return {
    dialect: 'sqlite',
    get: async (sql, params) => statements.get(sql, params),
    all: async (sql, params) => statements.all(sql, params),
    run: async (sql, params) => statements.run(sql, params),
  };
}

/** Prepared statements kept per connection, at most this many (the least recently used are dropped). */
const STATEMENTS_PER_CONNECTION = 128;

/**
 * The connection's prepared statements by their SQL, reused (preparing parses and plans the SQL),
 * and the three ways of running one.
 */
class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Connection) {}

  get<T>(sql: string, params: readonly SqlValue[] = []): T | undefined {
    const stmt = this.prepare(sql);
    if (!stmt.reader) {
      stmt.run(...bindable(params));
      return undefined;
    }
    return stmt.get(...bindable(params)) as T | undefined;
  }

  all<T>(sql: string, params: readonly SqlValue[] = []): T[] {
    const stmt = this.prepare(sql);
    if (!stmt.reader) {
      stmt.run(...bindable(params));
      return [];
    }
    return stmt.all(...bindable(params)) as T[];
  }

  run(sql: string, params: readonly SqlValue[] = []): RunResult {
    return { changes: this.prepare(sql).run(...bindable(params)).changes };
  }

  clear(): void {
    // better-sqlite3 finalizes a statement when it is collected, and every one when the connection closes.
    this.statements.clear();
  }

  private prepare(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (stmt) {
      this.statements.delete(sql);
    } else {
      stmt = this.db.prepare(sql);
      if (this.statements.size >= STATEMENTS_PER_CONNECTION) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, stmt);
    return stmt;
  }
}

/**
 * The parameters as better-sqlite3 binds them: it refuses `undefined` and booleans (node-sqlite3
 * bound them as NULL and 1/0) and wants a Buffer for bytes.
 */
function bindable(params: readonly SqlValue[]): unknown[] {
  return params.map((p) => {
    const v = p as unknown;
    if (v === undefined) return null;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v instanceof Uint8Array && !Buffer.isBuffer(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    return v;
  });
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

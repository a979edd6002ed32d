import pg from 'pg';
import { PassportError } from '../errors.ts';
import { toNumberedPlaceholders } from './postgres-sql.ts';
import type { Database, Queryable, RunResult, SqlValue } from './types.ts';

export interface PostgresOptions {
  /** `postgres://user:password@host:port/database?sslmode=…` (DATABASE_URL). */
  url: string;
  /** The schema holding this service's tables (`issuer`, `wallet`, `verifier`): one database may serve all three. */
  schema: string;
  /** Connections for statements outside transactions, and as many again for transactions. */
  poolSize?: number;
  /** False for tools that only read: a missing schema stays missing (the default creates it). */
  createSchema?: boolean;
}

const INT8 = 20;
const NUMERIC = 1700;

/**
 * COUNT and SUM come back from PostgreSQL as BIGINT or NUMERIC, which `pg` hands over as strings
 * to spare precision; the code expects numbers, as SQLite gives them. Every integer the project
 * stores fits in a double (counts, sequence numbers, indices).
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** PostgreSQL's codes for a transaction it aborted so that another could go on: run it again. */
const RETRYABLE = new Set(['40001', '40P01']);
const TRANSACTION_ATTEMPTS = 5;

/**
 * The `Database` on PostgreSQL, behind `DATABASE_URL`. Each connection starts with
 * `search_path` set to the service's own schema (created when missing), so the service's SQL
 * names its tables unqualified, as on SQLite.
 *
 * Statements outside a transaction and transactions draw from two separate pools. Code inside a
 * transaction sometimes reads outside it (the agent loads a signing key while a credential is
 * being issued); with one pool, transactions waiting on each other's row locks could hold every
 * connection while the one they wait for waits for a connection to read its key.
 *
 * A transaction that PostgreSQL aborts for a deadlock or a serialization failure is run again
 * (a few times): `work` must be safe to repeat, which it is when all it changes is the database.
 */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`Not a schema name: ${options.schema}`);
  const size = options.poolSize ?? 8;
  const config = connectionConfig(options.url, options.schema);
  const direct = new pg.Pool({ ...config, max: size });
  const transactions = new pg.Pool({ ...config, max: size });
  for (const pool of [direct, transactions]) {
    // An idle connection the server closed must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
  }
  try {
    if (options.createSchema !== false) await createSchema(transactions, options.schema);
  } catch (err) {
    await Promise.all([direct.end(), transactions.end()]);
    throw err;
  }
  const outside = queryable((text, values) => direct.query({ text, values, types }));

  return {
    ...outside,
    transaction: async (work) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await inTransaction(transactions, work);
        } catch (err) {
          if (attempt >= TRANSACTION_ATTEMPTS || !RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
          await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
        }
      }
    },
    close: async () => {
      await Promise.all([direct.end(), transactions.end()]);
    },
  };
}

async function inTransaction<T>(pool: pg.Pool, work: (tx: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    try {
      const result = await work(queryable((text, values) => client.query({ text, values, types })));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
      throw err;
    }
  } finally {
    // A connection whose rollback failed is in an unknown state: the pool closes it.
    client.release(broken);
  }
}

type Run = (text: string, values: unknown[]) => Promise<pg.QueryResult>;

function queryable(run: Run): Queryable {
  const query = (sql: string, params: readonly SqlValue[] = []) =>
    run(toNumberedPlaceholders(sql), params as unknown[]).catch((err: unknown) => {
      throw unstorable(err) ?? err;
    });
  return {
    dialect: 'postgres',
    get: async <T>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows[0] as T | undefined,
    all: async <T>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows as T[],
    run: async (sql: string, params?: readonly SqlValue[]): Promise<RunResult> => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
  };
}

/**
 * Text PostgreSQL cannot store, where SQLite can: the NUL character, in TEXT or as a `\u0000`
 * escape in JSON read as jsonb. It comes from the client's input, so it is the client's error.
 */
function unstorable(err: unknown): PassportError | undefined {
  const code = (err as { code?: string }).code;
  if (code !== '22021' && code !== '22P05') return undefined;
  return new PassportError('invalid_request', 'The text contains a character that cannot be stored (the NUL character, U+0000)');
}

/**
 * The URL's settings, plus `search_path` as a startup option so that no connection ever runs a
 * statement in another schema (and no extra round trip is spent setting it).
 */
function connectionConfig(url: string, schema: string): pg.PoolConfig {
  let connectionString = url;
  let options = '';
  if (/[?&]options=/.test(url)) {
    // Options the operator put in the URL are kept, before ours.
    const parsed = new URL(url);
    options = parsed.searchParams.get('options') ?? '';
    parsed.searchParams.delete('options');
    connectionString = parsed.toString();
  }
  return {
    connectionString,
    options: `${options ? `${options} ` : ''}-c search_path=${schema}`,
    application_name: `volunteer-passport-${schema}`,
    // A pool that cannot hand out a connection in this time fails the request instead of hanging.
    connectionTimeoutMillis: 30_000,
    idleTimeoutMillis: 30_000,
  };
}

/**
 * Creates the service's schema when missing. Two instances starting at once would both try, and
 * `CREATE SCHEMA IF NOT EXISTS` is not safe against itself; a transaction-scoped advisory lock
 * makes the second wait for the first. A schema that exists is left alone, so a role without
 * CREATE on the database works in schemas made for it beforehand.
 */
async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  await inTransaction(pool, async (tx) => {
    if (await tx.get('SELECT 1 AS found FROM pg_namespace WHERE nspname = ?', [schema])) return;
    await tx.get('SELECT pg_advisory_xact_lock(hashtext(?))', [`volunteer-passport:${schema}`]);
    await tx.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  });
}

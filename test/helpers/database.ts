import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, openPostgres, openSqlite, type Database, type Migration } from '../../shared/db/index.ts';

/**
 * The PostgreSQL server the `postgres` test project runs against (vitest.config.ts sets
 * PASSPORT_TEST_BACKEND for that project only); undefined in the `sqlite` project, even when
 * TEST_DATABASE_URL is set, so the same file runs once on each engine.
 */
export const TEST_POSTGRES_URL = process.env.PASSPORT_TEST_BACKEND === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;

/** `sqlite` or `postgres`: what this run of a test file stores its data in. */
export const TEST_BACKEND: 'sqlite' | 'postgres' = TEST_POSTGRES_URL ? 'postgres' : 'sqlite';

/**
 * Test databases are named after the vitest run (the parent process of the test workers), so the
 * global teardown drops this run's leftovers and no other run's.
 */
export const TEST_DATABASE_PREFIX = 'vp_test_';
let made = 0;

/** A fresh PostgreSQL database on the test server, empty or a copy of `copyOf` (nobody may be connected to that meanwhile); its URL. */
export async function createTestDatabase(copyOf?: string): Promise<string> {
  const server = requireServer();
  const name = `${TEST_DATABASE_PREFIX}${process.ppid}_${process.pid}_${++made}_${randomBytes(3).toString('hex')}`;
  await onServer(server, `CREATE DATABASE ${name}${copyOf ? ` TEMPLATE ${new URL(copyOf).pathname.slice(1)}` : ''}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Takes away what keeps the audit trail append-only, as someone with write access to the
 * database could: SQLite's triggers are dropped, PostgreSQL's disabled.
 */
export async function allowAuditEdits(db: Database): Promise<void> {
  if (db.dialect === 'postgres') {
    await db.run('ALTER TABLE audit_log DISABLE TRIGGER USER');
    return;
  }
  await db.run('DROP TRIGGER audit_log_no_update');
  await db.run('DROP TRIGGER audit_log_no_delete');
}

/** Drops a database made by `createTestDatabase`, closing whatever is still connected to it. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!name.startsWith(TEST_DATABASE_PREFIX)) throw new Error(`Not a test database: ${name}`);
  await onServer(requireServer(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** Drops every test database of the vitest run `runPid` (the global teardown's sweep). */
export async function dropTestDatabasesOfRun(server: string, runPid: number): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${TEST_DATABASE_PREFIX}${runPid}\\_%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

const byDataDir = new Map<string, Promise<string>>();

/**
 * The database of the services started on `dataDir`, as SQLite keeps theirs in files there: on
 * PostgreSQL, one database per data directory (each service in its own schema), made on first
 * use. Undefined on SQLite.
 */
export function databaseUrlFor(dataDir: string): Promise<string | undefined> {
  if (!TEST_POSTGRES_URL) return Promise.resolve(undefined);
  let url = byDataDir.get(dataDir);
  if (!url) {
    url = createTestDatabase();
    byDataDir.set(dataDir, url);
  }
  return url;
}

/** Forgets and drops the database of `dataDir`, when the data directory itself goes. */
export async function dropDatabaseFor(dataDir: string): Promise<void> {
  const url = byDataDir.get(dataDir);
  if (!url) return;
  byDataDir.delete(dataDir);
  await dropTestDatabase(await url);
}

/**
 * Opens the database a started service uses (without migrating it), so a test can look at what
 * the service stored or tamper with it, on either engine.
 */
export async function openServiceDatabase(service: { name: 'issuer' | 'wallet' | 'verifier'; dataDir: string; databaseUrl?: string | undefined }): Promise<Database> {
  return service.databaseUrl
    ? openPostgres({ url: service.databaseUrl, schema: service.name, poolSize: 2 })
    : openSqlite(join(service.dataDir, `${service.name}.sqlite`));
}

/**
 * Every byte a service keeps in its database, for scans that no secret is stored in clear: the
 * SQLite file and its write-ahead log as they are on disk, or on PostgreSQL each row of each
 * table of the service's schema as PostgreSQL writes it out (bytea as hex, like a dump).
 */
export async function everythingStored(service: { name: 'issuer' | 'wallet' | 'verifier'; dataDir: string; databaseUrl?: string | undefined }): Promise<Buffer> {
  if (!service.databaseUrl) {
    const files = [`${service.name}.sqlite`, `${service.name}.sqlite-wal`].map((f) => join(service.dataDir, f)).filter(existsSync);
    return Buffer.concat(files.map((f) => readFileSync(f)));
  }
  const db = await openServiceDatabase(service);
  try {
    const tables = await db.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
    const parts: string[] = [];
    for (const { name } of tables) {
      for (const row of await db.all<{ line: string }>(`SELECT t::text AS line FROM "${name}" t`)) parts.push(row.line);
    }
    return Buffer.from(parts.join('\n'), 'utf8');
  } finally {
    await db.close();
  }
}

/**
 * A migrated database for an in-process test: SQLite under `dataDir`, or a fresh PostgreSQL
 * database dropped again by `close`.
 */
export async function openTestDatabase(name: 'issuer' | 'wallet' | 'verifier', dataDir: string, migrations: readonly Migration[]): Promise<Database> {
  const url = await databaseUrlFor(dataDir);
  const db = url ? await openPostgres({ url, schema: name, poolSize: 4 }) : await openSqlite(join(dataDir, `${name}.sqlite`));
  await migrate(db, migrations);
  if (!url) return db;
  return {
    ...db,
    close: async () => {
      await db.close();
      await dropDatabaseFor(dataDir);
    },
  };
}

function requireServer(): string {
  if (!TEST_POSTGRES_URL) throw new Error('TEST_DATABASE_URL is not set for this test project');
  return TEST_POSTGRES_URL;
}

async function onServer(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

import { join } from 'node:path';
import { migrate } from './migrate.ts';
import { openPostgres } from './postgres.ts';
import { openSqlite } from './sqlite.ts';
import type { Database, Migration } from './types.ts';

export type { Database, Migration, Queryable, RunResult, SqlValue } from './types.ts';
export { forUpdate } from './lock.ts';
export { migrate } from './migrate.ts';
export { openPostgres } from './postgres.ts';
export { openSqlite } from './sqlite.ts';

export interface OpenDatabaseOptions {
  /** The service's name: its SQLite file is `{dataDir}/{name}.sqlite`, its PostgreSQL schema `{name}`. */
  name: 'issuer' | 'wallet' | 'verifier';
  dataDir: string;
  /** `postgres://…` (DATABASE_URL): PostgreSQL instead of the SQLite file. */
  databaseUrl?: string | undefined;
  migrations: readonly Migration[];
}

/**
 * Opens the service's database and brings its schema up to date: PostgreSQL when a database URL
 * is given (the service's tables in its own schema, so one database may serve all three
 * services), SQLite under `dataDir` otherwise.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const db = await connectDatabase(options);
  try {
    await migrate(db, options.migrations);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

/** Opens the service's database as `openDatabase` does, without migrating it. */
export async function connectDatabase(options: Omit<OpenDatabaseOptions, 'migrations'>): Promise<Database> {
  return options.databaseUrl
    ? openPostgres({ url: options.databaseUrl, schema: options.name })
    : openSqlite(join(options.dataDir, `${options.name}.sqlite`));
}

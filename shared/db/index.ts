import { join } from 'node:path';
import { migrate } from './migrate.ts';
import { openSqlite } from './sqlite.ts';
import type { Database, Migration } from './types.ts';

export type { Database, Migration, Queryable, RunResult, SqlValue } from './types.ts';
export { migrate } from './migrate.ts';
export { openSqlite } from './sqlite.ts';

export interface OpenDatabaseOptions {
  /** The service's name: its SQLite file is `{dataDir}/{name}.sqlite`. */
  name: string;
  dataDir: string;
  databaseUrl?: string | undefined;
  migrations: readonly Migration[];
}

/** Opens the service's database and brings its schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    // The SQL is kept portable for this; the adapter itself is tracked in the project's notes.
    throw new Error('DATABASE_URL (PostgreSQL) is not supported by this build yet; unset it to use SQLite under DATA_DIR');
  }
  const db = await openSqlite(join(options.dataDir, `${options.name}.sqlite`));
  await migrate(db, options.migrations);
  return db;
}

import { portableDdlForPostgres } from './postgres-sql.ts';
import type { Database, Migration, Queryable } from './types.ts';

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction,
 * so a crash mid-way leaves the database at the last whole migration. Several instances may
 * start at once: each migration is checked again inside its transaction, after taking the
 * write lock (SQLite) or an advisory lock for the service's schema (PostgreSQL), so exactly one
 * of them applies it and the others see it applied.
 */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<number[]> {
  await db.transaction(async (tx) => {
    await lockMigrations(tx);
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  });
  const done = new Set((await db.all<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => r.id));
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
    if (done.has(m.id)) continue;
    const ran = await db.transaction(async (tx) => {
      await lockMigrations(tx);
      // Another process starting at the same moment may have applied it since the list above was read.
      if (await tx.get('SELECT id FROM schema_migrations WHERE id = ?', [m.id])) return false;
      if (tx.dialect === 'postgres') {
        // One string, several statements (PostgreSQL's simple protocol): function bodies keep their semicolons.
        await tx.run(m.postgres ?? portableDdlForPostgres(m.sql));
      } else {
        for (const statement of splitStatements(m.sql)) await tx.run(statement);
      }
      await tx.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [m.id, m.name, new Date().toISOString()]);
      return true;
    });
    if (ran) applied.push(m.id);
  }
  return applied;
}

/** SQLite's transaction already holds the one write lock; PostgreSQL needs one named for the schema. */
async function lockMigrations(tx: Queryable): Promise<void> {
  if (tx.dialect === 'postgres') await tx.get("SELECT pg_advisory_xact_lock(hashtext('volunteer-passport:migrate:' || current_schema()))");
}

function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

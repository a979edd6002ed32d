import type { Database, Migration } from './types.ts';

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction,
 * so a crash mid-way leaves the database at the last whole migration.
 */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<number[]> {
  await db.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const done = new Set((await db.all<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => r.id));
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
    if (done.has(m.id)) continue;
    const ran = await db.transaction(async (tx) => {
      // Checked again inside the write lock: another process starting at the same moment may
      // have applied it since the list above was read.
      if (await tx.get('SELECT id FROM schema_migrations WHERE id = ?', [m.id])) return false;
      for (const statement of splitStatements(m.sql)) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [
        m.id,
        m.name,
        new Date().toISOString(),
      ]);
      return true;
    });
    if (ran) applied.push(m.id);
  }
  return applied;
}

function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

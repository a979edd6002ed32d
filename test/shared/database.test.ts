import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openSqlite, type Database } from '../../shared/db/index.ts';
import { tempDataDir } from '../helpers/services.ts';

describe('SQLite database', () => {
  const opened: Database[] = [];
  afterAll(async () => {
    for (const db of opened) await db.close();
  });
  const open = async () => {
    const db = await openSqlite(join(tempDataDir(), 'test.sqlite'));
    opened.push(db);
    await migrate(db, [{ id: 1, name: 'items', sql: 'CREATE TABLE items (id TEXT PRIMARY KEY, n INTEGER NOT NULL)' }]);
    return db;
  };

  it('applies each migration once', async () => {
    const db = await open();
    expect(await migrate(db, [{ id: 1, name: 'items', sql: 'CREATE TABLE items (id TEXT PRIMARY KEY)' }])).toEqual([]);
    expect(await migrate(db, [{ id: 2, name: 'more', sql: 'CREATE TABLE more (id TEXT)' }])).toEqual([2]);
  });

  it('rolls a failed transaction back whole', async () => {
    const db = await open();
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO items (id, n) VALUES (?, ?)', ['a', 1]);
        await tx.run('INSERT INTO items (id, n) VALUES (?, ?)', ['a', 2]);
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await db.all('SELECT * FROM items')).toEqual([]);
  });

  it('serializes concurrent transactions so read-modify-write loses nothing', async () => {
    const db = await open();
    await db.run('INSERT INTO items (id, n) VALUES (?, ?)', ['counter', 0]);
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db.transaction(async (tx) => {
          const row = await tx.get<{ n: number }>('SELECT n FROM items WHERE id = ?', ['counter']);
          await new Promise((r) => setImmediate(r));
          await tx.run('UPDATE items SET n = ? WHERE id = ?', [row!.n + 1, 'counter']);
        }),
      ),
    );
    expect(await db.get('SELECT n FROM items WHERE id = ?', ['counter'])).toEqual({ n: 50 });
  });

  it('does not show uncommitted writes to readers outside the transaction', async () => {
    const db = await open();
    let seenInside: unknown;
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO items (id, n) VALUES (?, ?)', ['pending', 1]);
      seenInside = await db.get('SELECT * FROM items WHERE id = ?', ['pending']);
    });
    expect(seenInside).toBeUndefined();
    expect(await db.get('SELECT n FROM items WHERE id = ?', ['pending'])).toEqual({ n: 1 });
  });
});

describe('migrations from two processes at once', () => {
  it('apply once even when both read the applied list before either writes', async () => {
    const file = join(tempDataDir(), 'race.sqlite');
    const [a, b] = [await openSqlite(file), await openSqlite(file)];
    const migrations = [
      { id: 1, name: 'one', sql: 'CREATE TABLE one (id TEXT)' },
      { id: 2, name: 'two', sql: 'CREATE TABLE two (id TEXT)' },
    ];
    const results = await Promise.all([migrate(a, migrations), migrate(b, migrations)]);
    expect(results.flat().sort()).toEqual([1, 2]);
    expect(await a.all('SELECT id FROM schema_migrations ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
    await a.close();
    await b.close();
  });
});

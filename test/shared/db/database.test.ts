import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openPostgres, openSqlite, type Database, type Migration } from '../../../shared/db/index.ts';
import { TEST_BACKEND, databaseUrlFor, dropDatabaseFor, openTestDatabase } from '../../helpers/database.ts';
import { tempDataDir } from '../../helpers/services.ts';

const ITEMS: Migration = { id: 1, name: 'items', sql: 'CREATE TABLE items (id TEXT PRIMARY KEY, n INTEGER NOT NULL, x REAL, b BLOB)' };

const opened: Database[] = [];
const sharedDirs: string[] = [];
afterAll(async () => {
  for (const db of opened.reverse()) await db.close();
  for (const dir of sharedDirs) await dropDatabaseFor(dir);
});

async function open(migrations: readonly Migration[] = [ITEMS]): Promise<Database> {
  const db = await openTestDatabase('issuer', tempDataDir(), migrations);
  opened.push(db);
  return db;
}

/** A second, independent connection to the database `db` was opened on (another instance). */
async function again(dataDir: string, schema: 'issuer' | 'wallet' = 'issuer'): Promise<Database> {
  if (!sharedDirs.includes(dataDir)) sharedDirs.push(dataDir);
  const url = await databaseUrlFor(dataDir);
  const db = url ? await openPostgres({ url, schema }) : await openSqlite(join(dataDir, `${schema}.sqlite`));
  opened.push(db);
  return db;
}

describe(`the database on ${TEST_BACKEND}`, () => {
  it('applies each migration once', async () => {
    const db = await open();
    expect(await migrate(db, [ITEMS])).toEqual([]);
    expect(await migrate(db, [{ id: 2, name: 'more', sql: 'CREATE TABLE more (id TEXT)' }])).toEqual([2]);
  });

  it('rolls a failed transaction back whole', async () => {
    const db = await open();
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO items (id, n) VALUES (?, ?)', ['a', 1]);
        await tx.run('INSERT INTO items (id, n) VALUES (?, ?)', ['a', 2]);
      }),
    ).rejects.toThrow(/UNIQUE|duplicate key/i);
    expect(await db.all('SELECT * FROM items')).toEqual([]);
  });

  it('loses no increment made by concurrent transactions', async () => {
    const db = await open();
    await db.run('INSERT INTO items (id, n) VALUES (?, ?)', ['counter', 0]);
    await Promise.all(Array.from({ length: 30 }, () => db.transaction((tx) => tx.run('UPDATE items SET n = n + 1 WHERE id = ?', ['counter']))));
    expect(await db.get('SELECT n FROM items WHERE id = ?', ['counter'])).toEqual({ n: 30 });
  });

  it('counts upserts racing on one key with ON CONFLICT … RETURNING', async () => {
    const db = await open();
    const counts = await Promise.all(
      Array.from({ length: 20 }, () =>
        db.get<{ n: number }>('INSERT INTO items (id, n) VALUES (?, 1) ON CONFLICT (id) DO UPDATE SET n = items.n + 1 RETURNING n', ['hits']),
      ),
    );
    expect(counts.map((c) => c!.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
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

  it('gives counts, sums and maxima as numbers, as SQLite does', async () => {
    const db = await open();
    await db.run('INSERT INTO items (id, n, x) VALUES (?, ?, ?), (?, ?, ?)', ['a', 3_000_000_000, 0.1, 'b', 2, 0.2]);
    const row = await db.get('SELECT COUNT(*) AS count, SUM(n) AS total, MAX(n) AS biggest, SUM(x) AS hours FROM items');
    expect(row).toEqual({ count: 2, total: 3_000_000_002, biggest: 3_000_000_000, hours: 0.1 + 0.2 });
  });

  it('stores bytes in a BLOB column and gives them back', async () => {
    const db = await open();
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    await db.run('INSERT INTO items (id, n, b) VALUES (?, ?, ?)', ['bytes', 1, bytes]);
    const row = await db.get<{ b: Uint8Array }>('SELECT b FROM items WHERE id = ?', ['bytes']);
    expect(Buffer.from(row!.b).equals(Buffer.from(bytes))).toBe(true);
  });

  it('leaves a ? inside a string literal alone', async () => {
    const db = await open();
    await db.run("INSERT INTO items (id, n) VALUES ('what?', ?)", [7]);
    expect(await db.get("SELECT n, 'is it?' AS q FROM items WHERE id = 'what?' AND n = ?", [7])).toEqual({ n: 7, q: 'is it?' });
  });
});

describe(`migrations from two instances at once on ${TEST_BACKEND}`, () => {
  it('apply once even when both read the applied list before either writes', async () => {
    const dataDir = tempDataDir();
    const first = await again(dataDir);
    const second = await again(dataDir);
    const migrations: Migration[] = [
      { id: 1, name: 'one', sql: 'CREATE TABLE one (id TEXT)' },
      { id: 2, name: 'two', sql: 'CREATE TABLE two (id TEXT)' },
    ];
    const results = await Promise.all([migrate(first, migrations), migrate(second, migrations)]);
    expect(results.flat().sort()).toEqual([1, 2]);
    expect(await first.all('SELECT id FROM schema_migrations ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
    expect(first.dialect).toBe(TEST_BACKEND);
  });
});

describe.runIf(TEST_BACKEND === 'sqlite')('SQLite transactions', () => {
  it('serialize, so read-modify-write in a transaction loses nothing', async () => {
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

  it("wait for another connection's write lock asleep, so the event loop goes on meanwhile", async () => {
    const dataDir = tempDataDir();
    const first = await again(dataDir);
    await migrate(first, [ITEMS]);
    const second = await again(dataDir);
    await first.run('INSERT INTO items (id, n) VALUES (?, ?)', ['counter', 0]);
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 5);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // The first connection (another process, as far as SQLite can tell) takes the write lock and keeps it.
    const holder = first.transaction(async (tx) => {
      await tx.run('UPDATE items SET n = n + 1 WHERE id = ?', ['counter']);
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    const inTransaction = second.transaction((tx) => tx.run('UPDATE items SET n = n + 10 WHERE id = ?', ['counter']));
    const alone = second.run('UPDATE items SET n = n + 100 WHERE id = ?', ['counter']);
    const ticksBefore = ticks;
    await new Promise((r) => setTimeout(r, 300));
    // Both writes of the second connection are still waiting, and timers kept firing while they did.
    expect(ticks - ticksBefore).toBeGreaterThan(10);
    expect(await second.get('SELECT n FROM items WHERE id = ?', ['counter'])).toEqual({ n: 0 });
    release();
    await Promise.all([holder, inTransaction, alone]);
    clearInterval(ticking);
    expect(await second.get('SELECT n FROM items WHERE id = ?', ['counter'])).toEqual({ n: 111 });
  });
});

describe.runIf(TEST_BACKEND === 'postgres')('PostgreSQL specifics', () => {
  it('keeps each service in its own schema of one database', async () => {
    const dataDir = tempDataDir();
    const issuer = await again(dataDir, 'issuer');
    const wallet = await again(dataDir, 'wallet');
    await migrate(issuer, [{ id: 1, name: 'issuer table', sql: 'CREATE TABLE credentials (id TEXT PRIMARY KEY, side TEXT)' }]);
    await migrate(wallet, [{ id: 1, name: 'wallet table', sql: 'CREATE TABLE credentials (id TEXT PRIMARY KEY, side TEXT)' }]);
    await issuer.run('INSERT INTO credentials (id, side) VALUES (?, ?)', ['c1', 'issuer']);
    await wallet.run('INSERT INTO credentials (id, side) VALUES (?, ?)', ['c1', 'wallet']);
    expect(await issuer.all('SELECT side FROM credentials')).toEqual([{ side: 'issuer' }]);
    expect(await wallet.all('SELECT side FROM credentials')).toEqual([{ side: 'wallet' }]);
    const schemas = await issuer.all<{ schema: string }>("SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'credentials' ORDER BY 1");
    expect(schemas.map((s) => s.schema)).toEqual(['issuer', 'wallet']);
  });

  it('runs a transaction again when PostgreSQL aborts it to break a deadlock', async () => {
    const db = await open();
    await db.run('INSERT INTO items (id, n) VALUES (?, 0), (?, 0)', ['left', 'right']);
    let runs = 0;
    const bothLocked = { count: 0, wake: () => undefined as void };
    const barrier = () =>
      new Promise<void>((resolve) => {
        bothLocked.count++;
        if (bothLocked.count === 2) {
          bothLocked.wake();
          resolve();
        } else bothLocked.wake = resolve;
      });
    const cross = (first: string, second: string) =>
      db.transaction(async (tx) => {
        runs++;
        await tx.run('UPDATE items SET n = n + 1 WHERE id = ?', [first]);
        if (runs <= 2) await barrier();
        await tx.run('UPDATE items SET n = n + 1 WHERE id = ?', [second]);
      });
    await Promise.all([cross('left', 'right'), cross('right', 'left')]);
    expect(runs).toBe(3);
    expect(await db.all('SELECT id, n FROM items ORDER BY id')).toEqual([
      { id: 'left', n: 2 },
      { id: 'right', n: 2 },
    ]);
  });

  it('gives portable migrations SQLite’s meaning: 64-bit INTEGER, double REAL, BLOB as bytes', async () => {
    const db = await open();
    const types = await db.all<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'items' ORDER BY ordinal_position",
    );
    expect(types.map((t) => [t.column_name, t.data_type])).toEqual([
      ['id', 'text'],
      ['n', 'bigint'],
      ['x', 'double precision'],
      ['b', 'bytea'],
    ]);
  });
});

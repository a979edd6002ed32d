import { afterAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../../shared/db/index.ts';
import { Allowances } from '../../../shared/http/allowance.ts';
import { RATE_LIMIT_MIGRATION } from '../../../shared/http/rate-limit.ts';
import { TEST_BACKEND, openTestDatabase } from '../../helpers/database.ts';
import { tempDataDir } from '../../helpers/services.ts';

const opened: Database[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});

async function database(): Promise<Database> {
  const db = await openTestDatabase('verifier', tempDataDir(), [RATE_LIMIT_MIGRATION]);
  opened.push(db);
  return db;
}

/** The database as one instance sees it, counting the statements that instance sends. */
function counted(db: Queryable): Queryable & { statements: number } {
  const view = {
    dialect: db.dialect,
    statements: 0,
    get: (sql: string, params?: readonly never[]) => (view.statements++, db.get(sql, params)),
    all: (sql: string, params?: readonly never[]) => (view.statements++, db.all(sql, params)),
    run: (sql: string, params?: readonly never[]) => (view.statements++, db.run(sql, params)),
  };
  return view as Queryable & { statements: number };
}

const MINUTE = 29_000_000;

describe(`allowances drawn from one database by several instances on ${TEST_BACKEND}`, () => {
  it('let exactly the limit through, taken in turn on two instances', async () => {
    const db = await database();
    const [a, b] = [new Allowances(db, 100), new Allowances(db, 100)];
    let allowed = 0;
    for (let i = 0; i < 300; i++) if (await (i % 2 ? b : a).take(['client'], MINUTE)) allowed++;
    expect(allowed).toBe(100);
  });

  it('let exactly the limit through when every request races', async () => {
    const db = await database();
    const instances = [new Allowances(db, 50), new Allowances(db, 50), new Allowances(db, 50)];
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => instances[i % 3]!.take(['client'], MINUTE)));
    expect(answers.filter(Boolean)).toHaveLength(50);
  });

  it('decide most requests from memory: a few statements for hundreds of requests', async () => {
    const db = counted(await database());
    const one = new Allowances(db, 1000);
    for (let i = 0; i < 500; i++) expect(await one.take(['client'], MINUTE)).toBe(true);
    // One DELETE of old minutes, then reservations of an eighth of what is left each.
    expect(db.statements).toBeLessThanOrEqual(8);
  });

  it('never let more than the limit through, and at least seven eighths of it when a client leaves an instance', async () => {
    const db = await database();
    const [a, b] = [new Allowances(db, 800), new Allowances(db, 800)];
    let allowed = (await a.take(['client'], MINUTE)) ? 1 : 0;
    while (await b.take(['client'], MINUTE)) allowed++;
    expect(allowed).toBeLessThanOrEqual(800);
    expect(allowed).toBeGreaterThanOrEqual(700);
  });

  it('refuses a request when any of its buckets is spent, and starts afresh the next minute', async () => {
    const db = await database();
    const limits = new Allowances(db, 2);
    expect(await limits.take(['ip', 'key'], MINUTE)).toBe(true);
    expect(await limits.take(['ip2', 'key'], MINUTE)).toBe(true);
    expect(await limits.take(['ip3', 'key'], MINUTE)).toBe(false);
    expect(await limits.take(['ip', 'other-key'], MINUTE)).toBe(true);
    expect(await limits.take(['ip3', 'key'], MINUTE + 1)).toBe(true);
  });
});

import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, type Database } from '../../../shared/db/index.ts';
import { audit, entryHash, GENESIS_HASH, verifyAuditChain } from '../../../issuer/audit/index.ts';
import { REGISTRY_MIGRATIONS as REGISTRY } from '../../../issuer/registry/migrations.ts';
import { AGENT_MIGRATIONS } from '../../../shared/agent/index.ts';
import { TEST_BACKEND, allowAuditEdits, databaseUrlFor, dropDatabaseFor, openServiceDatabase } from '../../helpers/database.ts';
import { tempDataDir } from '../../helpers/services.ts';

// The registry's key table is filled from the agent's (migration 103), so both run, as in the issuer.
const REGISTRY_MIGRATIONS = [...AGENT_MIGRATIONS, ...REGISTRY];
const AT = new Date('2026-05-02T10:00:00.000Z');
const registry = { kind: 'registry' } as const;
const keyOf = (id: string) => ({ kind: 'organization', id: 'eco-qyran', region: 'KZ-55', by: { kind: 'api_key', id } }) as const;

describe(`the audit trail chained by hash, on ${TEST_BACKEND}`, () => {
  const opened: Database[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const db of opened) await db.close();
    for (const dir of dirs) {
      rmSync(dir, { recursive: true, force: true });
      await dropDatabaseFor(dir);
    }
  });
  const newDir = () => {
    dirs.push(tempDataDir('audit-chain-'));
    return dirs.at(-1)!;
  };
  /** A connection of its own to the issuer database of `dir` (its SQLite file, or its PostgreSQL database), migrated. */
  const open = async (dir = newDir(), migrations = REGISTRY_MIGRATIONS) => {
    const db = await openServiceDatabase({ name: 'issuer', dataDir: dir, databaseUrl: await databaseUrlFor(dir) });
    opened.push(db);
    await migrate(db, migrations);
    return { db, dir };
  };

  it('links each entry to the one before, from the genesis value', async () => {
    const { db } = await open();
    await db.transaction((tx) => audit(tx, { at: AT, actor: registry, action: 'front_office.created', subject: 'pavlodar', detail: { region: 'KZ-55' } }));
    await db.transaction((tx) => audit(tx, { at: AT, actor: keyOf('key_0123456789abcdef0123'), action: 'activity.recorded', subject: 'a-1' }));
    const rows = await db.all<{ seq: number; at: string; actor: string; action: string; subject: string; detail: string | null; prev_hash: string; hash: string }>('SELECT * FROM audit_log ORDER BY seq');
    expect(rows.map((r) => [r.seq, r.actor])).toEqual([
      [1, 'registry'],
      [2, 'key:key_0123456789abcdef0123'],
    ]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[0]!.hash).toBe(entryHash(rows[0]!, GENESIS_HASH));
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(await verifyAuditChain(db)).toEqual({ intact: true, entries: 2, head: { seq: 2, hash: rows[1]!.hash } });
  });

  it('covers entries written before the chain existed, and gives old API keys an id', async () => {
    const before = REGISTRY_MIGRATIONS.filter((m) => m.id < 102);
    const { db, dir } = await open(undefined, before);
    await db.run("INSERT INTO api_keys (key_hash, owner_kind, owner_id, created_at) VALUES ('ab12cd34ef56ab12cd34ef56', 'organization', 'eco-qyran', ?)", [AT.toISOString()]);
    for (const subject of ['old-1', 'old-2']) {
      await db.run('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)', [AT.toISOString(), 'organization:eco-qyran', 'activity.recorded', subject, null]);
    }
    await migrate(db, REGISTRY_MIGRATIONS);
    expect(await db.get('SELECT id FROM api_keys')).toEqual({ id: 'key_ab12cd34ef56ab12cd34' });
    await db.transaction((tx) => audit(tx, { at: AT, actor: registry, action: 'organization.suspended', subject: 'eco-qyran' }));
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ intact: true, entries: 3, head: { seq: 3 } });
    // Another connection (as audit:verify is) sees an edit of an unchained entry too.
    const { db: other } = await open(dir, []);
    await allowAuditEdits(other);
    await other.run("UPDATE audit_log SET subject = 'forged' WHERE seq = 1");
    expect((await verifyAuditChain(other)).broken).toMatchObject({ seq: 3, code: 'link_broken' });
  });

  it('stays one chain when two connections (as two processes hold) append at the same moment', async () => {
    const { db, dir } = await open();
    const { db: second } = await open(dir);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? db : second).transaction((tx) => audit(tx, { at: AT, actor: registry, action: 'activity.recorded', subject: `a-${i}` })),
      ),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true, entries: 40 });
  });

  it('catches a trail cut short against a head recorded earlier', async () => {
    const { db } = await open();
    for (const subject of ['a', 'b', 'c']) await db.transaction((tx) => audit(tx, { at: AT, actor: registry, action: 'activity.recorded', subject }));
    const { head } = await verifyAuditChain(db);
    expect(await verifyAuditChain(db, { expectHead: head })).toMatchObject({ intact: true });
    await allowAuditEdits(db);
    await db.run('DELETE FROM audit_log WHERE seq = 3');
    // Cut from the end, the chain itself still holds; only the recorded head tells.
    expect((await verifyAuditChain(db)).intact).toBe(true);
    expect((await verifyAuditChain(db, { expectHead: head })).broken).toMatchObject({ seq: 3, code: 'head_mismatch' });
  });
});

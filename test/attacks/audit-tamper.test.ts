import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHash, type ChainedEntry } from '../../issuer/audit/index.ts';
import { openPostgres, openSqlite, type Database } from '../../shared/db/index.ts';
import { call } from '../helpers/http.ts';
import { runScript } from '../helpers/scripts.ts';
import { TEST_BACKEND, allowAuditEdits, createTestDatabase, dropTestDatabase } from '../helpers/database.ts';
import { startService, tempDataDir } from '../helpers/services.ts';

const ADMIN = 'audit-tamper-admin-token';

/** One copy of the trail: a data directory, and on PostgreSQL the database it is in. */
interface Trail {
  dir: string;
  databaseUrl?: string | undefined;
}

/**
 * Someone with write access to the issuer's database (its SQLite file, or its PostgreSQL tables)
 * rewrites history: drops the triggers that keep the audit trail append-only, then edits, deletes
 * or reorders entries. `npm run audit:verify` must name the first broken entry and exit 1. Each
 * case tampers with its own copy of one real trail, written by a real issuer through its API.
 */
describe(`audit trail tampering on ${TEST_BACKEND}`, () => {
  const dataDir = tempDataDir('audit-tamper-');
  let pristine: Trail = { dir: dataDir };
  const copies: Trail[] = [];

  beforeAll(async () => {
    const databaseUrl = TEST_BACKEND === 'postgres' ? await createTestDatabase() : undefined;
    pristine = { dir: dataDir, databaseUrl };
    const issuer = await startService('issuer', { dataDir, env: { PASSPORT_ADMIN_TOKEN: ADMIN, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) } });
    try {
      const accredit = async (id: string) => {
        const res = await call(issuer.url, 'POST', '/v1/organizations', { token: ADMIN, body: { id, name: { en: id }, region: 'KZ-55' } });
        expect(res.status).toBe(201);
        return res.body.apiKey as string;
      };
      const key = await accredit('eco-qyran');
      await accredit('jas-agash');
      expect((await call(issuer.url, 'POST', '/v1/organizations/jas-agash/suspend', { token: ADMIN, body: { reason: 'inspection' } })).status).toBe(200);
      const activity = { name: { en: 'Tree planting' }, project: 'Жас ағаш', category: 'ecology', region: 'KZ-55', activityStartDate: '2026-04-20', activityEndDate: '2026-04-21', hours: 8, role: 'volunteer', confirmedBy: 'Coordinator' };
      for (let i = 0; i < 3; i++) {
        expect((await call(issuer.url, 'POST', '/v1/activities', { token: key, body: { volunteer: { name: `Volunteer ${i}` }, activity } })).status).toBe(201);
      }
    } finally {
      await issuer.stop();
    }
    // Stopped, the issuer has checkpointed its WAL: the .sqlite file alone holds the trail (on
    // PostgreSQL, nobody is connected to its database any more, so it can be copied).
  }, 120_000);
  afterAll(async () => {
    for (const trail of [pristine, ...copies]) {
      rmSync(trail.dir, { recursive: true, force: true });
      if (trail.databaseUrl) await dropTestDatabase(trail.databaseUrl);
    }
  });

  /** A copy of the trail, tampered with by `edit` with the triggers that keep it append-only out of the way. */
  async function tampered(edit: (db: Database) => Promise<unknown>): Promise<Trail> {
    const trail: Trail = { dir: tempDataDir('audit-tampered-') };
    copies.push(trail);
    mkdirSync(trail.dir, { recursive: true });
    let db: Database;
    if (pristine.databaseUrl) {
      trail.databaseUrl = await createTestDatabase(pristine.databaseUrl);
      db = await openPostgres({ url: trail.databaseUrl, schema: 'issuer', poolSize: 1 });
    } else {
      copyFileSync(join(pristine.dir, 'issuer.sqlite'), join(trail.dir, 'issuer.sqlite'));
      db = await openSqlite(join(trail.dir, 'issuer.sqlite'));
    }
    try {
      await allowAuditEdits(db);
      await edit(db);
    } finally {
      await db.close();
    }
    return trail;
  }

  const verify = (trail: Trail, ...args: string[]) =>
    runScript('audit-verify', ['--data-dir', trail.dir, ...args], trail.databaseUrl ? { DATABASE_URL: trail.databaseUrl } : {});

  it('the untouched trail verifies, and its head is printed to be recorded', async () => {
    const run = await verify(pristine);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^audit trail intact: 6 entries$/m);
    expect(run.stdout).toMatch(/^head: 6:[0-9a-f]{64}$/m);
  });

  it('an edited entry is named as edited', async () => {
    const trail = await tampered((db) => db.run("UPDATE audit_log SET actor = 'registry' WHERE seq = 4"));
    const run = await verify(trail);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/BROKEN at entry 4 \(hash_mismatch\).*edited/);
    expect(run.stderr).toMatch(/3 entries before it are intact/);
  });

  it('an entry edited together with its own hash breaks the link of the next', async () => {
    // Rewrite the suspension's reason, and the row's hash so that the row agrees with itself again.
    const trail = await tampered(async (db) => {
      const row = (await db.get<ChainedEntry & { prev_hash: string }>('SELECT * FROM audit_log WHERE seq = 3'))!;
      const detail = row.detail!.replace('inspection', 'voluntary');
      await db.run('UPDATE audit_log SET detail = ?, hash = ? WHERE seq = 3', [detail, entryHash({ ...row, detail }, row.prev_hash)]);
    });
    const run = await verify(trail);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/BROKEN at entry 4 \(link_broken\)/);
  });

  it('a deleted entry is named as missing', async () => {
    const trail = await tampered((db) => db.run('DELETE FROM audit_log WHERE seq = 2'));
    const run = await verify(trail);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/BROKEN at entry 3 \(entry_missing\): .*entry 2 is missing/);
  });

  it('a deleted entry with the later ones renumbered still breaks the chain', async () => {
    const trail = await tampered(async (db) => {
      await db.run('DELETE FROM audit_log WHERE seq = 2');
      for (let seq = 3; seq <= 6; seq++) await db.run('UPDATE audit_log SET seq = ? WHERE seq = ?', [seq - 1, seq]);
    });
    const run = await verify(trail);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/BROKEN at entry 2 \(link_broken\)/);
  });

  it('two entries swapped in order are caught', async () => {
    const trail = await tampered(async (db) => {
      await db.run('UPDATE audit_log SET seq = -1 WHERE seq = 4');
      await db.run('UPDATE audit_log SET seq = 4 WHERE seq = 5');
      await db.run('UPDATE audit_log SET seq = 5 WHERE seq = -1');
    });
    const run = await verify(trail);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/BROKEN at entry 4 \(link_broken\)/);
  });

  it('entries cut from the end are caught against the head recorded before', async () => {
    const head = /^head: (\S+)$/m.exec((await verify(pristine)).stdout)![1]!;
    const trail = await tampered((db) => db.run('DELETE FROM audit_log WHERE seq >= 5'));
    expect((await verify(trail)).code).toBe(0);
    const run = await verify(trail, '--expect-head', head);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/BROKEN at entry 6 \(head_mismatch\).*cut from its end/);
  });

  it('a wrong data directory is an error, not an empty intact trail', async () => {
    // On PostgreSQL: a database without the issuer's tables.
    const nowhere: Trail = { dir: join(dataDir, 'nowhere'), databaseUrl: pristine.databaseUrl && (await createTestDatabase()) };
    if (nowhere.databaseUrl) copies.push({ dir: nowhere.dir, databaseUrl: nowhere.databaseUrl });
    const run = await verify(nowhere);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no issuer database/);
  });
});

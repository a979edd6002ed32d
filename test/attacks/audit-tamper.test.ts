import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHash, type ChainedEntry } from '../../issuer/audit/index.ts';
import { openSqlite } from '../../shared/db/index.ts';
import { call } from '../helpers/http.ts';
import { runScript } from '../helpers/scripts.ts';
import { startService, tempDataDir } from '../helpers/services.ts';

const ADMIN = 'audit-tamper-admin-token';

/**
 * Someone with write access to the issuer's SQLite file rewrites history: drops the triggers that
 * keep the audit trail append-only, then edits, deletes or reorders entries. `npm run
 * audit:verify` must name the first broken entry and exit 1. Each case tampers with its own copy
 * of one real trail, written by a real issuer through its API.
 */
describe('audit trail tampering', () => {
  const dataDir = tempDataDir('audit-tamper-');
  let pristine = '';
  const copies: string[] = [];

  beforeAll(async () => {
    const issuer = await startService('issuer', { dataDir, env: { PASSPORT_ADMIN_TOKEN: ADMIN } });
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
    // Stopped, the issuer has checkpointed its WAL: the .sqlite file alone holds the trail.
    pristine = join(dataDir, 'issuer.sqlite');
  }, 120_000);
  afterAll(() => {
    for (const dir of [dataDir, ...copies]) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the trail, tampered with by `edit` through sqlite3 with the triggers dropped. */
  async function tampered(edit: (db: Awaited<ReturnType<typeof openSqlite>>) => Promise<unknown>): Promise<string> {
    const dir = tempDataDir('audit-tampered-');
    copies.push(dir);
    mkdirSync(dir, { recursive: true });
    copyFileSync(pristine, join(dir, 'issuer.sqlite'));
    const db = await openSqlite(join(dir, 'issuer.sqlite'));
    try {
      await db.run('DROP TRIGGER audit_log_no_update');
      await db.run('DROP TRIGGER audit_log_no_delete');
      await edit(db);
    } finally {
      await db.close();
    }
    return dir;
  }

  const verify = (dir: string, ...args: string[]) => runScript('audit-verify', ['--data-dir', dir, ...args]);

  it('the untouched trail verifies, and its head is printed to be recorded', async () => {
    const run = await verify(dataDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^audit trail intact: 6 entries$/m);
    expect(run.stdout).toMatch(/^head: 6:[0-9a-f]{64}$/m);
  });

  it('an edited entry is named as edited', async () => {
    const dir = await tampered((db) => db.run("UPDATE audit_log SET actor = 'registry' WHERE seq = 4"));
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/BROKEN at entry 4 \(hash_mismatch\).*edited/);
    expect(run.stderr).toMatch(/3 entries before it are intact/);
  });

  it('an entry edited together with its own hash breaks the link of the next', async () => {
    // Rewrite the suspension's reason, and the row's hash so that the row agrees with itself again.
    const dir = await tampered(async (db) => {
      const row = (await db.get<ChainedEntry & { prev_hash: string }>('SELECT * FROM audit_log WHERE seq = 3'))!;
      const detail = row.detail!.replace('inspection', 'voluntary');
      await db.run('UPDATE audit_log SET detail = ?, hash = ? WHERE seq = 3', [detail, entryHash({ ...row, detail }, row.prev_hash)]);
    });
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/BROKEN at entry 4 \(link_broken\)/);
  });

  it('a deleted entry is named as missing', async () => {
    const dir = await tampered((db) => db.run('DELETE FROM audit_log WHERE seq = 2'));
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/BROKEN at entry 3 \(entry_missing\): .*entry 2 is missing/);
  });

  it('a deleted entry with the later ones renumbered still breaks the chain', async () => {
    const dir = await tampered(async (db) => {
      await db.run('DELETE FROM audit_log WHERE seq = 2');
      for (let seq = 3; seq <= 6; seq++) await db.run('UPDATE audit_log SET seq = ? WHERE seq = ?', [seq - 1, seq]);
    });
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/BROKEN at entry 2 \(link_broken\)/);
  });

  it('two entries swapped in order are caught', async () => {
    const dir = await tampered(async (db) => {
      await db.run('UPDATE audit_log SET seq = -1 WHERE seq = 4');
      await db.run('UPDATE audit_log SET seq = 4 WHERE seq = 5');
      await db.run('UPDATE audit_log SET seq = 5 WHERE seq = -1');
    });
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/BROKEN at entry 4 \(link_broken\)/);
  });

  it('entries cut from the end are caught against the head recorded before', async () => {
    const head = /^head: (\S+)$/m.exec((await verify(dataDir)).stdout)![1]!;
    const dir = await tampered((db) => db.run('DELETE FROM audit_log WHERE seq >= 5'));
    expect((await verify(dir)).code).toBe(0);
    const run = await verify(dir, '--expect-head', head);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/BROKEN at entry 6 \(head_mismatch\).*cut from its end/);
  });

  it('a wrong data directory is an error, not an empty intact trail', async () => {
    const run = await verify(join(dataDir, 'nowhere'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no issuer database/);
  });
});

import { execFile } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrlFor, dropDatabaseFor } from '../../helpers/database.ts';
import { freePort, startService, tempDataDir, type StartedService } from '../../helpers/services.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const ADMIN = 'seed-test-admin-token';
const run = promisify(execFile);

let issuer: StartedService;
let seedDir: string;
const scratch: string[] = [];

/** A temporary DATA_DIR for a seed, removed after the file's tests. */
function scratchDir(prefix: string): string {
  const dir = tempDataDir(prefix);
  scratch.push(dir);
  return dir;
}

/** The DATABASE_URL an issuer the seed starts itself on `dataDir` needs to use `dataDir`'s database (PostgreSQL runs). */
async function databaseEnv(dataDir: string): Promise<Record<string, string>> {
  const url = await databaseUrlFor(dataDir);
  return url ? { DATABASE_URL: url } : {};
}

/** `npm run seed` against the started issuer; answers its output and the report it wrote. */
async function seed(...args: string[]): Promise<{ output: string; report: any }> {
  const report = join(seedDir, `report-${Date.now()}.json`);
  const { stdout, stderr } = await run(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'scripts/seed.ts'), '--issuer', issuer.url, '--report', report, ...args],
    { cwd: ROOT, env: { ...process.env, PASSPORT_ADMIN_TOKEN: ADMIN, DATA_DIR: seedDir }, timeout: 120_000 },
  );
  return { output: stdout + stderr, report: JSON.parse(readFileSync(report, 'utf8')) };
}

async function stats(query = ''): Promise<any> {
  const res = await fetch(`${issuer.url}/v1/stats${query}`, { headers: { authorization: `Bearer ${ADMIN}` } });
  expect(res.status).toBe(200);
  return res.json();
}

beforeAll(async () => {
  issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: ADMIN } });
  seedDir = scratchDir('passport-seed-');
});
afterAll(async () => {
  await issuer?.stop();
  for (const dir of scratch) await dropDatabaseFor(dir);
  if (!process.env.KEEP_TEST_DATA) for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('npm run seed', () => {
  let first: { output: string; report: any };

  it('makes what it reports, as /v1/stats counts it', async () => {
    first = await seed('--volunteers', '30', '--organizations', '3', '--seed', 'seed-test', '--until', '2026-06-30');
    expect(first.report.failures).toBe(0);
    expect(first.output).toContain('seed: done');
    const totals = first.report.totals;
    expect(totals.organizations).toBe(3);
    expect(totals.volunteers).toBeGreaterThanOrEqual(25);
    expect(totals.activities).toBeGreaterThanOrEqual(30);
    expect(totals.credentialsClaimed).toBeLessThanOrEqual(totals.activities);
    expect((await stats()).totals).toEqual(totals);
  });

  it('spreads the work over regions, categories and the twelve months up to --until', async () => {
    const body = await stats();
    expect(body.byRegion.length).toBeGreaterThanOrEqual(5);
    expect(body.byCategory.length).toBeGreaterThanOrEqual(4);
    const months = body.byMonth.map((r: any) => r.month);
    expect(months.every((m: string) => m >= '2025-07' && m <= '2026-06')).toBe(true);
    expect(body.byProject.map((r: any) => r.project)).toEqual(expect.arrayContaining(['Жас ағаш']));
    const sum = (rows: any[]) => Math.round(rows.reduce((s, r) => s + r.hours, 0) * 100) / 100;
    expect(sum(body.byRegion)).toBe(body.totals.hours);
    expect(sum(body.byMonth)).toBe(body.totals.hours);
  });

  it('records with the organizations\' own keys, kept for a later run, and claims the offers', async () => {
    const orgKeys = JSON.parse(readFileSync(join(seedDir, 'seed-seed-test-keys.json'), 'utf8')).apiKeys as Record<string, string>;
    expect(Object.keys(orgKeys)).toEqual(first.report.organizations);
    expect(statSync(join(seedDir, 'seed-seed-test-keys.json')).mode & 0o777).toBe(0o600);
    const [id, key] = Object.entries(orgKeys)[0]!;
    const listed = await (await fetch(`${issuer.url}/v1/activities?status=claimed&limit=5`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((a: any) => a.status === 'claimed')).toBe(true);
    expect(id).toMatch(/^seed-seed-test-kz-\d\d-\d+$/);
  });

  it('records nothing twice when run again with the same seed', async () => {
    const again = await seed('--volunteers', '30', '--organizations', '3', '--seed', 'seed-test', '--until', '2026-06-30');
    expect(again.report.failures).toBe(0);
    expect(again.report.totals).toEqual(first.report.totals);
    expect((await stats()).totals).toEqual(first.report.totals);
  });

  it('refuses bad options before touching the issuer', async () => {
    const failed = await seed('--volunteers', 'many').then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('--volunteers must be a whole number');
  });
});

describe('the same seed', () => {
  it('makes the same national picture on another issuer', async () => {
    const other = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: ADMIN } });
    try {
      const { stdout } = await run(
        join(ROOT, 'node_modules/.bin/tsx'),
        [join(ROOT, 'scripts/seed.ts'), '--issuer', other.url, '--volunteers', '30', '--organizations', '3', '--seed', 'seed-test', '--until', '2026-06-30'],
        { cwd: ROOT, env: { ...process.env, PASSPORT_ADMIN_TOKEN: ADMIN, DATA_DIR: scratchDir('passport-seed-') }, timeout: 120_000 },
      );
      expect(stdout).toContain('seed: done');
      const there = await (await fetch(`${other.url}/v1/stats`, { headers: { authorization: `Bearer ${ADMIN}` } })).json();
      const here = await stats();
      for (const part of ['totals', 'byCategory', 'byRegion', 'byProject', 'byOrganization', 'byMonth']) expect(there[part], part).toEqual(here[part]);
    } finally {
      await other.stop();
    }
  });
});

describe('without --issuer', () => {
  it('starts an issuer on DATA_DIR for the time of the seed, whose data then stays there', async () => {
    const dataDir = scratchDir('passport-seed-own-');
    const port = await freePort();
    const url = `http://localhost:${port}`;
    const { stdout } = await run(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'scripts/seed.ts'), '--volunteers', '8', '--organizations', '2', '--seed', 'own', '--report', join(dataDir, 'report.json')],
      { cwd: ROOT, env: { ...process.env, PASSPORT_ADMIN_TOKEN: ADMIN, DATA_DIR: dataDir, ISSUER_PORT: String(port), ISSUER_URL: url, ...(await databaseEnv(dataDir)) }, timeout: 120_000 },
    );
    expect(stdout).toContain(`starting an issuer at ${url}`);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    const report = JSON.parse(readFileSync(join(dataDir, 'report.json'), 'utf8'));
    const later = await startService('issuer', { dataDir, port, env: { PASSPORT_ADMIN_TOKEN: ADMIN } });
    try {
      const body = await (await fetch(`${later.url}/v1/stats`, { headers: { authorization: `Bearer ${ADMIN}` } })).json();
      expect(body.totals).toEqual(report.totals);
    } finally {
      await later.stop();
    }
  });
});

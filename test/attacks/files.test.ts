import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_BACKEND } from '../helpers/database.ts';
import { startService, tempDataDir, type StartedService } from '../helpers/services.ts';

const mode = (path: string) => statSync(path).mode & 0o777;

/** Every file of the data directory with its mode, e.g. `{ 'issuer.sqlite': 0o600 }`. */
function modes(dir: string): Record<string, number> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, mode(join(dir, name))]));
}

/** The SQLite files a service keeps in DATA_DIR; on PostgreSQL its data is in the server, and only the secrets are here. */
const sqliteFiles = (...names: string[]) => (TEST_BACKEND === 'sqlite' ? names : []);

// The data directory holds the databases (sealed keys, personal data) and the generated secrets:
// no other user of the machine may read them (issue 8: they were created 0644 in a 0755 DATA_DIR).
describe('the data directory is private to the service', () => {
  const base = tempDataDir('passport-files-');
  const started: StartedService[] = [];
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
    rmSync(base, { recursive: true, force: true });
  });

  it('a new DATA_DIR is created 0700, with its database, -wal, -shm and secret files 0600', async () => {
    const dataDir = join(base, 'fresh', 'data');
    // No PASSPORT_ADMIN_TOKEN or PASSPORT_SECRET: the service generates both into DATA_DIR.
    const issuer = await startService('issuer', { dataDir, env: { PASSPORT_ADMIN_TOKEN: '', PASSPORT_SECRET: '' } });
    started.push(issuer);
    const files = modes(dataDir);
    expect(Object.keys(files)).toEqual(expect.arrayContaining([...sqliteFiles('issuer.sqlite', 'issuer.sqlite-wal', 'issuer.sqlite-shm'), 'admin-token', 'passport-secret']));
    expect(mode(dataDir).toString(8)).toBe('700');
    for (const [name, m] of Object.entries(files)) expect(`${name} ${m.toString(8)}`).toBe(`${name} 600`);
  });

  it('an existing 0755 DATA_DIR with 0644 files (made by an older version) is tightened at start', async () => {
    const dataDir = join(base, 'old');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const wallet = await startService('wallet', { dataDir, env: { PASSPORT_SECRET: '' } });
    started.push(wallet);
    await wallet.stop();
    chmodSync(dataDir, 0o755);
    for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o644);
    await wallet.restart();
    expect(mode(dataDir).toString(8)).toBe('700');
    const files = modes(dataDir);
    expect(Object.keys(files)).toEqual(expect.arrayContaining([...sqliteFiles('wallet.sqlite'), 'passport-secret']));
    for (const [name, m] of Object.entries(files)) expect(`${name} ${m.toString(8)}`).toBe(`${name} 600`);
  });
});

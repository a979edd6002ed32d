import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadStorageSettings } from '../shared/config.ts';
import { openPostgres, openSqlite, type Database } from '../shared/db/index.ts';
import { verifyAuditChain } from '../issuer/audit/index.ts';

/**
 * `npm run audit:verify`: walks the issuer's audit trail and checks its hash chain. Exit 0 when
 * intact (and the head is printed, to be recorded elsewhere), 1 at the first broken entry, 2
 * when it could not be checked at all.
 */
const USAGE = `npm run audit:verify -- [--data-dir DIR] [--expect-head SEQ:HASH]

  --data-dir DIR          the issuer's DATA_DIR (default: DATA_DIR, else ./data); its issuer.sqlite is read
  --expect-head SEQ:HASH  a head printed by an earlier run: it must still be in the trail, which
                          catches entries cut from the end (they leave no broken link behind)

With DATABASE_URL set, the issuer's PostgreSQL database is read instead.`;

let values;
try {
  ({ values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, 'expect-head': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    strict: true,
  }));
} catch (err) {
  fail(`${(err as Error).message}\n\n${USAGE}`);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const expectHead = values['expect-head'] === undefined ? undefined : parseHead(values['expect-head']);
const settings = loadStorageSettings();
const dataDir = values['data-dir'] ?? settings.dataDir;

let db: Database;
if (settings.databaseUrl) {
  db = await openPostgres({ url: settings.databaseUrl, schema: 'issuer', poolSize: 1, createSchema: false }).catch((err: Error) => fail(`audit:verify: ${err.message}`));
  // A wrong URL must not pass as an empty, intact trail either (nor leave a schema behind).
  if (!(await db.get<{ found: string | null }>("SELECT to_regclass('audit_log')::text AS found"))?.found) {
    await db.close();
    fail("audit:verify: no issuer database behind DATABASE_URL (no audit_log in its schema 'issuer')");
  }
} else {
  const file = join(dataDir, 'issuer.sqlite');
  // openSqlite would create a missing file; a typo in the path must not pass as an empty, intact trail.
  if (!existsSync(file)) fail(`audit:verify: no issuer database at ${file} (give the issuer's DATA_DIR with --data-dir)`);
  db = await openSqlite(file);
}

try {
  const report = await verifyAuditChain(db, expectHead ? { expectHead } : {});
  if (report.intact) {
    console.log(`audit trail intact: ${report.entries} entries`);
    if (report.head) {
      console.log(`head: ${report.head.seq}:${report.head.hash}`);
      console.log(`Record the head outside this machine; next time: npm run audit:verify -- --expect-head ${report.head.seq}:${report.head.hash}`);
    }
  } else {
    const b = report.broken!;
    console.error(`audit trail BROKEN at entry ${b.seq} (${b.code}): ${b.detail}`);
    console.error(`${report.entries} entries before it are intact.`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}

function parseHead(raw: string): { seq: number; hash: string } {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(raw);
  if (!match) fail(`--expect-head must be SEQ:HASH as printed by an earlier run (e.g. 42:${'0'.repeat(64)})`);
  return { seq: Number(match[1]), hash: match[2]! };
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

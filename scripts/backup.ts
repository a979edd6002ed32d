import { parseArgs } from 'node:util';
import { loadStorageSettings } from '../shared/config.ts';
import { takeBackup } from './backup/take.ts';

/**
 * `npm run backup`: a consistent copy of every service database in DATA_DIR, taken while the
 * services run, with the secrets a restore needs. See docs/operations.md.
 */
const USAGE = `npm run backup -- [--data-dir DIR] [--out FOLDER]

  --data-dir DIR   the DATA_DIR to back up (default: DATA_DIR, else ./data): each *.sqlite in it,
                   and the secrets passport-secret and admin-token kept there
  --out FOLDER     where to write it (default ./backups/<time>); it must not exist yet

The backup holds SECRETS (the master key that opens every private key, and the registry's admin
token): keep it as safe as the server itself. With DATABASE_URL set, back up PostgreSQL with pg_dump.`;

let values;
try {
  ({ values } = parseArgs({ options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, strict: true }));
} catch (err) {
  console.error(`${(err as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const settings = loadStorageSettings();
if (settings.databaseUrl) {
  console.error('backup: DATABASE_URL is set, so the services keep their data in PostgreSQL, and PostgreSQL backups are pg_dump\'s job:');
  console.error('  pg_dump --format=custom --file="passport-$(date -u +%Y-%m-%dT%H-%M-%SZ).dump" "$DATABASE_URL"');
  console.error(`Keep PASSPORT_SECRET (or ${settings.dataDir}/passport-secret) and the admin token with the dump: without them it cannot be used.`);
  process.exit(1);
}

try {
  const { folder, manifest } = await takeBackup({
    dataDir: values['data-dir'] ?? settings.dataDir,
    ...(values.out ? { out: values.out } : {}),
    now: new Date(),
    secretsFromEnvironment: settings.secretsFromEnvironment,
  });
  console.log(`backup written to ${folder}`);
  for (const d of manifest.databases) console.log(`  ${d.file}  ${d.bytes} bytes  sha256 ${d.sha256}`);
  if (manifest.secrets.length) {
    console.log(`  SECRETS: ${manifest.secrets.map((s) => s.file).join(', ')} (needed to restore; keep this folder as safe as the server)`);
  }
  if (manifest.audit?.intact && manifest.audit.head) {
    console.log(`  audit trail intact, head ${manifest.audit.head.seq}:${manifest.audit.head.hash} (kept in manifest.json: npm run audit:verify -- --expect-head …)`);
  } else if (manifest.audit?.broken) {
    console.log(`  WARNING: the audit trail is broken at entry ${manifest.audit.broken.seq} (${manifest.audit.broken.code}): ${manifest.audit.broken.detail}`);
  }
  for (const name of manifest.secretsFromEnvironment) {
    console.log(`  ${name} comes from the environment and is NOT in this backup: keep it with the backup, a restore needs the same value.`);
  }
  console.log(`Restore: stop the services, then npm run restore -- ${folder}`);
} catch (err) {
  console.error(`backup: ${(err as Error).message}`);
  process.exit(1);
}

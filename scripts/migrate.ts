import { ISSUER_MIGRATIONS } from '../issuer/app.ts';
import { loadConfig } from '../shared/config.ts';
import { connectDatabase, migrate, type Migration } from '../shared/db/index.ts';
import { VERIFIER_MIGRATIONS } from '../verifier/app.ts';
import { WALLET_DATABASE_MIGRATIONS } from '../wallet/app.ts';

/**
 * `npm run migrate [issuer|wallet|verifier …]`: brings the services' databases up to date, then
 * exits. Run it once before starting (or after upgrading) several instances, so that no instance
 * starts against a schema older than its code. With DATABASE_URL each service's tables go into
 * its own schema of that database; without it, into the SQLite files under DATA_DIR. Services
 * migrate at start too, under a lock, so forgetting this step is safe, only slower to start.
 */
const SERVICES: Record<'issuer' | 'wallet' | 'verifier', readonly Migration[]> = {
  issuer: ISSUER_MIGRATIONS,
  wallet: WALLET_DATABASE_MIGRATIONS,
  verifier: VERIFIER_MIGRATIONS,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in SERVICES));
if (unknown.length) {
  console.error(`Unknown service ${unknown.join(', ')}: name issuer, wallet or verifier (or none, for all three).`);
  process.exit(2);
}
const config = loadConfig();
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite under ${config.dataDir}`;
for (const name of (asked.length ? asked : Object.keys(SERVICES)) as (keyof typeof SERVICES)[]) {
  const db = await connectDatabase({ name, dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const applied = await migrate(db, SERVICES[name]);
    const total = await db.get<{ count: number }>('SELECT COUNT(*) AS count FROM schema_migrations');
    const now = applied.length ? `applied ${applied.join(', ')}` : 'nothing to apply';
    console.log(`${name}: ${now}; ${total?.count ?? 0} migrations in ${where}${config.databaseUrl ? `, schema ${name}` : ''}`);
  } finally {
    await db.close();
  }
}

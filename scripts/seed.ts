import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launcherEnvironment, loadConfig } from '../shared/config.ts';
import { parseSeedArguments, USAGE } from './seed/args.ts';
import { seedTarget } from './seed/issuer-process.ts';
import { seedTag } from './seed/plan.ts';
import { seedNationalPicture } from './seed/run.ts';

/**
 * `npm run seed -- --volunteers N --organizations M`: a realistic national picture made through
 * the issuer's own API (accreditation, batches, OpenID4VCI claims), never by writing its tables.
 */
const log = (line: string) => console.log(line);
let args;
try {
  args = parseSeedArguments(process.argv.slice(2), new Date().toISOString().slice(0, 10));
} catch (err) {
  console.error(`${(err as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (args === 'help') {
  console.log(USAGE);
  process.exit(0);
}

const env = launcherEnvironment();
// The seed's own issuer serves one client, this script: its write limit is not what protects it.
env.WRITE_RATE_LIMIT ??= '1000000';
const config = loadConfig(env);
const target = await seedTarget({ explicitUrl: args.issuer, issuerUrl: config.issuerUrl, env, log });
const stopOnSignal = () => void target.stop().then(() => process.exit(130));
process.on('SIGINT', stopOnSignal);
process.on('SIGTERM', stopOnSignal);

try {
  const report = await seedNationalPicture({
    issuerUrl: target.url,
    adminToken: config.adminToken,
    volunteers: args.volunteers,
    organizations: args.organizations,
    seed: args.seed,
    until: args.until,
    batchSize: args.batchSize,
    concurrency: args.concurrency,
    keysFile: join(config.dataDir, `seed-${seedTag(args.seed)}-keys.json`),
    progressSeconds: 5,
    log,
  });
  const t = report.totals;
  log(
    `seed: done in ${report.seconds} s: ${t.volunteers} volunteers, ${t.organizations} organizations, ${t.activities} activities, ` +
      `${t.credentialsClaimed} credentials claimed, ${t.credentialsRevoked} revoked, ${t.hours} hours` +
      (report.failures ? `; ${report.failures} failures` : ''),
  );
  if (args.report) writeFileSync(args.report, JSON.stringify(report, null, 2));
  process.exitCode = report.failures ? 1 : 0;
} catch (err) {
  console.error(`seed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await target.stop();
}

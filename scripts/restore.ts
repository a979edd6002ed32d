import { parseArgs } from 'node:util';
import { loadStorageSettings } from '../shared/config.ts';
import { restoreBackup } from './backup/restore.ts';

/** `npm run restore -- FOLDER`: puts a backup made by `npm run backup` back, for stopped services. */
const USAGE = `npm run restore -- FOLDER [--data-dir DIR] [--force]

  FOLDER           a folder written by npm run backup
  --data-dir DIR   where to restore (default: DATA_DIR, else ./data)
  --force          move the databases and secrets DATA_DIR holds already aside (into replaced-<time>/)
                   instead of refusing

Stop the services first; start them after, with the same ISSUER_URL, WALLET_URL and VERIFIER_URL
(the organizations' did:web identifiers are made from them).`;

let parsed;
try {
  parsed = parseArgs({ options: { 'data-dir': { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: true, strict: true });
} catch (err) {
  console.error(`${(err as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) {
  console.error(`restore: name one backup folder\n\n${USAGE}`);
  process.exit(2);
}

const settings = loadStorageSettings();
try {
  const outcome = restoreBackup({ from: positionals[0]!, dataDir: values['data-dir'] ?? settings.dataDir, force: values.force, now: new Date() });
  console.log(`restored ${outcome.restored.join(', ')} into ${values['data-dir'] ?? settings.dataDir}`);
  if (outcome.movedAside) console.log(`what was there before is in ${outcome.movedAside}`);
  for (const name of outcome.manifest.secretsFromEnvironment) {
    console.log(`${name} came from the environment when the backup was taken: start the services with the same value.`);
  }
  console.log('Start the services now.');
} catch (err) {
  console.error(`restore: ${(err as Error).message}`);
  process.exit(1);
}

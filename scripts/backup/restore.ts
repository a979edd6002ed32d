import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { backupStamp, describeFile, MANIFEST, type BackupFile, type BackupManifest } from './manifest.ts';

export interface RestoreOptions {
  /** The backup folder (with its manifest.json). */
  from: string;
  /** The DATA_DIR to restore into. */
  dataDir: string;
  /** Move what DATA_DIR holds already aside (into `replaced-<time>/`) instead of refusing. */
  force: boolean;
  now: Date;
}

export interface RestoreOutcome {
  manifest: BackupManifest;
  restored: string[];
  /** Where the files that were in the way went, when `force` moved any. */
  movedAside?: string;
}

/**
 * Puts a backup back into DATA_DIR, for services that are stopped. Every file is checked against
 * the manifest's SHA-256 before anything is touched, so a damaged backup changes nothing. The
 * databases' `-wal` and `-shm` files are never left beside a restored database: SQLite would
 * replay a stale WAL into it. A `-shm` file means a service still has the database open (or
 * stopped uncleanly): that is refused without `force`, like any file already in the way.
 */
export function restoreBackup(options: RestoreOptions): RestoreOutcome {
  const manifestPath = join(options.from, MANIFEST);
  if (!existsSync(manifestPath)) throw new Error(`${options.from} has no ${MANIFEST}: not a backup, or one that did not finish`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest;
  if (manifest.format !== 'volunteer-passport-backup/1') throw new Error(`${manifestPath} is not a backup manifest this version reads (format ${String(manifest.format)})`);
  const files: BackupFile[] = [...manifest.databases, ...manifest.secrets];
  for (const f of files) {
    if (f.file.includes('/') || f.file.includes('\\') || f.file.startsWith('.')) throw new Error(`the manifest names an unsafe file: ${f.file}`);
    const path = join(options.from, f.file);
    if (!existsSync(path)) throw new Error(`the backup lacks ${f.file}`);
    const actual = describeFile(path, f.file);
    if (actual.sha256 !== f.sha256) throw new Error(`${f.file} in the backup does not match its checksum: the backup is damaged`);
  }

  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(options.dataDir, 0o700);
  const inTheWay = files.flatMap((f) => [f.file, ...(manifest.databases.includes(f) ? [`${f.file}-wal`, `${f.file}-shm`, `${f.file}-journal`] : [])]).filter((name) => existsSync(join(options.dataDir, name)));
  let movedAside: string | undefined;
  if (inTheWay.length) {
    if (!options.force) {
      throw new Error(
        `${options.dataDir} holds ${inTheWay.join(', ')} already. Stop the services; then restore with --force, which moves these aside (into replaced-<time>/) rather than delete them`,
      );
    }
    movedAside = join(options.dataDir, `replaced-${backupStamp(options.now)}`);
    mkdirSync(movedAside, { mode: 0o700 });
    for (const name of inTheWay) renameSync(join(options.dataDir, name), join(movedAside, name));
  }

  for (const f of files) {
    // Copied under a temporary name and renamed, so a crash never leaves half a database in place.
    const partial = join(options.dataDir, `.${f.file}.restoring`);
    copyFileSync(join(options.from, f.file), partial);
    chmodSync(partial, 0o600);
    renameSync(partial, join(options.dataDir, f.file));
  }
  return { manifest, restored: files.map((f) => f.file), ...(movedAside ? { movedAside } : {}) };
}

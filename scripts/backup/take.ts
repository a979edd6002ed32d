import { chmodSync, existsSync, mkdirSync, readdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { auditHeadOf } from './audit-head.ts';
import { backupStamp, describeFile, MANIFEST, SECRET_FILES, type BackupFile, type BackupManifest } from './manifest.ts';

export interface BackupOptions {
  dataDir: string;
  /** The folder to create; `./backups/<time>` by default. */
  out?: string;
  now: Date;
  secretsFromEnvironment: string[];
}

/**
 * Copies every service database in DATA_DIR (`*.sqlite`) while the services keep running, with
 * the secrets a restore needs, into a new folder (0700, files 0600), and writes the manifest last.
 *
 * Each database is copied with `VACUUM INTO`, SQLite's online copy: it reads the database in ONE
 * read transaction, so the copy is a consistent snapshot even while a service writes (in WAL
 * mode readers and the writer do not block each other), it never has to start over when a write
 * lands meanwhile (the stepwise backup API restarts on every write by another process), and it
 * yields one self-contained, compacted file with no -wal beside it. The copy is then checked
 * with `PRAGMA integrity_check`, and the issuer's audit trail in it is walked, so the manifest
 * records the trail's head (or where it is broken).
 */
export async function takeBackup(options: BackupOptions): Promise<{ folder: string; manifest: BackupManifest }> {
  const databases = readdirSync(options.dataDir).filter((f) => f.endsWith('.sqlite')).sort();
  if (databases.length === 0) throw new Error(`no service database (*.sqlite) in ${options.dataDir}: is DATA_DIR right?`);
  const folder = options.out ?? join('backups', backupStamp(options.now));
  mkdirSync(join(folder, '..'), { recursive: true, mode: 0o700 });
  // Not recursive: an existing folder is refused, so two backups never mix.
  mkdirSync(folder, { mode: 0o700 });
  chmodSync(folder, 0o700);

  const copied: BackupFile[] = [];
  for (const file of databases) {
    const target = join(folder, file);
    await copyDatabase(join(options.dataDir, file), target);
    chmodSync(target, 0o600);
    await checkIntegrity(target);
    copied.push(describeFile(target, file));
  }
  const secrets: BackupFile[] = [];
  for (const file of SECRET_FILES) {
    const source = join(options.dataDir, file);
    if (!existsSync(source)) continue;
    copyFileSync(source, join(folder, file));
    chmodSync(join(folder, file), 0o600);
    secrets.push(describeFile(join(folder, file), file));
  }
  const audit = databases.includes('issuer.sqlite') ? await auditHeadOf(join(folder, 'issuer.sqlite')) : undefined;
  const manifest: BackupManifest = {
    format: 'volunteer-passport-backup/1',
    createdAt: options.now.toISOString(),
    dataDir: options.dataDir,
    databases: copied,
    secrets,
    secretsFromEnvironment: options.secretsFromEnvironment,
    ...(audit ? { audit } : {}),
  };
  writeFileSync(join(folder, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  return { folder, manifest };
}

async function copyDatabase(source: string, target: string): Promise<void> {
  // fileMustExist: a database that vanished is an error, not a new empty file.
  const db = new BetterSqlite3(source, { fileMustExist: true, timeout: 10_000 });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
}

async function checkIntegrity(file: string): Promise<void> {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') throw new Error(`the copy ${file} fails its integrity check: ${rows.map((r) => r.integrity_check).join('; ')}`);
  } finally {
    db.close();
  }
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** What a backup folder holds, written last as `manifest.json`: a folder without one is incomplete. */
export interface BackupManifest {
  format: 'volunteer-passport-backup/1';
  createdAt: string;
  /** The DATA_DIR it was taken from. */
  dataDir: string;
  /** SQLite copies, each a consistent snapshot of one service's database. */
  databases: BackupFile[];
  /** `passport-secret` and `admin-token` as kept in DATA_DIR: SECRETS, needed to restore. */
  secrets: BackupFile[];
  /** Secrets that came from the environment instead, and so are NOT in the backup. */
  secretsFromEnvironment: string[];
  /** The issuer's audit trail as the copy holds it: its head, or where its chain was found broken. */
  audit?: { intact: boolean; entries: number; head?: { seq: number; hash: string }; broken?: { seq: number; code: string; detail: string } };
}

export interface BackupFile {
  file: string;
  bytes: number;
  sha256: string;
}

export const MANIFEST = 'manifest.json';

/** The files a service keeps in DATA_DIR beside its database, which a restore needs. */
export const SECRET_FILES = ['passport-secret', 'admin-token'] as const;

export function describeFile(path: string, file: string): BackupFile {
  const bytes = readFileSync(path);
  return { file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A folder name that sorts by time and is valid on every file system: `2026-05-02T10-00-00Z`. */
export function backupStamp(now: Date): string {
  return `${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
}

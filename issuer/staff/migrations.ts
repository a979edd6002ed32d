import { signInAttemptsMigration } from '../../shared/auth/index.ts';
import type { Migration } from '../../shared/db/index.ts';

/**
 * People of the units (the registry, front offices, organizations), their invitations and their
 * console sessions (ids 500–599). Invitation and session tokens are stored only as SHA-256
 * hashes; passwords only as scrypt hashes. A person is `invited` until they accept a link (or
 * after a reset), `active` once they set a password, `removed` when an admin took them out: the
 * row stays so the audit trail can still name them. (The registry's migration 104 adds what the
 * console needs of its own tables: audit scopes, contacts, named API keys.)
 */
export const STAFF_MIGRATIONS: readonly Migration[] = [
  {
    id: 500,
    name: 'staff, invitations, sessions',
    sql: `
      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        unit_kind TEXT NOT NULL CHECK (unit_kind IN ('registry', 'front_office', 'organization')),
        unit_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
        name TEXT NOT NULL,
        email TEXT,
        login TEXT UNIQUE,
        password_hash TEXT,
        status TEXT NOT NULL CHECK (status IN ('invited', 'active', 'removed')),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        joined_at TEXT,
        removed_at TEXT
      );
      CREATE INDEX staff_unit ON staff (unit_kind, unit_id);
      CREATE TABLE staff_invitations (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        staff_id TEXT NOT NULL REFERENCES staff (id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      );
      CREATE INDEX staff_invitations_staff ON staff_invitations (staff_id);
      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL REFERENCES staff (id),
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id)
    `,
  },
  // Failed sign-ins, counted in the database so every instance sees them (the wallet's scheme).
  signInAttemptsMigration(502),
];

import type { Migration } from '../../shared/db/index.ts';

/**
 * The registry's tables: front offices, organizations with their accreditation intervals, API
 * keys (hashes only), and the append-only audit trail of accreditations, issuances and revocations.
 */
export const REGISTRY_MIGRATIONS: readonly Migration[] = [
  {
    id: 100,
    name: 'registry',
    sql: `
      CREATE TABLE front_offices (
        id TEXT PRIMARY KEY,
        name_kk TEXT, name_ru TEXT, name_en TEXT,
        region TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE organizations (
        id TEXT PRIMARY KEY,
        did TEXT NOT NULL UNIQUE,
        name_kk TEXT, name_ru TEXT, name_en TEXT,
        region TEXT NOT NULL,
        bin TEXT,
        status TEXT NOT NULL CHECK (status IN ('accredited', 'suspended')),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE TABLE accreditation_intervals (
        organization_id TEXT NOT NULL REFERENCES organizations (id),
        seq INTEGER NOT NULL,
        accredited_from TEXT NOT NULL,
        accredited_until TEXT,
        granted_by TEXT NOT NULL,
        ended_by TEXT,
        end_reason TEXT,
        PRIMARY KEY (organization_id, seq)
      );
      CREATE TABLE api_keys (
        key_hash TEXT PRIMARY KEY,
        owner_kind TEXT NOT NULL CHECK (owner_kind IN ('front_office', 'organization')),
        owner_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE INDEX api_keys_owner ON api_keys (owner_kind, owner_id);
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail TEXT
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
    `,
  },
  {
    id: 101,
    name: 'registry web dids',
    // web_dids records which key a did:web was first given. The claim is one INSERT … ON CONFLICT
    // DO NOTHING, so two instances creating the same DID at once agree on a single key.
    sql: `
      CREATE TABLE web_dids (
        did TEXT PRIMARY KEY,
        kid TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX audit_log_action ON audit_log (action, seq);
      CREATE INDEX organizations_region ON organizations (region, id)
    `,
  },
  {
    id: 102,
    name: 'api key ids and audit chain',
    // API keys get a public id (`key_…`), so the audit trail can name the key that acted without
    // its hash; keys handed out before get one derived from their hash, which is public-safe
    // (a SHA-256 of a 256-bit random token) and needs no SQL random function. Audit entries get
    // the hash chain (issuer/audit): entries written before stay without hashes, since the table
    // refuses updates, and the first chained entry links to them as if they had been chained.
    sql: `
      ALTER TABLE api_keys ADD COLUMN id TEXT;
      UPDATE api_keys SET id = 'key_' || substr(key_hash, 1, 20) WHERE id IS NULL;
      CREATE UNIQUE INDEX api_keys_id ON api_keys (id);
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT
    `,
  },
  {
    id: 103,
    name: 'did key rotation',
    // Every key a did:web has had, numbered from 1 (its fragment is key-<number>): the newest signs,
    // all stay in the DID document so what they signed keeps verifying, and a compromised one
    // carries the instant from which what it signed is disowned (published in the trust list).
    // The primary key makes two rotations at once agree on who got the next number.
    sql: `
      CREATE TABLE web_did_keys (
        did TEXT NOT NULL,
        number INTEGER NOT NULL,
        fragment TEXT NOT NULL,
        kid TEXT NOT NULL,
        public_key_hex TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_from TEXT,
        revoked_at TEXT,
        revoke_reason TEXT,
        PRIMARY KEY (did, number)
      );
      INSERT INTO web_did_keys (did, number, fragment, kid, public_key_hex, created_at)
        SELECT w.did, 1, 'key-1', w.kid, k.public_key_hex, w.created_at FROM web_dids w JOIN agent_keys k ON k.kid = w.kid
    `,
  },
];


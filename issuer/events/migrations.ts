import type { Migration } from '../../shared/db/index.ts';

/**
 * Events (issue 12): issuance in two steps. Volunteers check in by claiming the event's rotating
 * offer (their key proven then, the issuer answering with a deferred `transaction_id`); the
 * coordinator sets hours and confirms; each wallet fetches its credential from the deferred
 * endpoint. Codes, access tokens and transaction ids are kept only as SHA-256 hashes. One
 * check-in per wallet key per event: the unique constraint decides.
 */
export const EVENT_TABLES: Migration = {
  id: 700,
  name: 'events and check-ins',
  sql: `
    CREATE TABLE events (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations (id),
      activity TEXT NOT NULL,
      place TEXT,
      check_in_until TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'confirmed')),
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      confirmed_at TEXT,
      confirmed_by TEXT
    );
    CREATE INDEX events_by_organization ON events (organization_id, created_at, id);
    CREATE TABLE event_codes (
      code_hash TEXT PRIMARY KEY,
      event_id TEXT NOT NULL REFERENCES events (id),
      expires_at TEXT NOT NULL,
      used_at TEXT
    );
    CREATE INDEX event_codes_by_expiry ON event_codes (expires_at);
    CREATE TABLE event_check_ins (
      id TEXT PRIMARY KEY,
      event_id TEXT NOT NULL REFERENCES events (id),
      holder_did TEXT NOT NULL,
      name TEXT NOT NULL,
      transaction_hash TEXT NOT NULL UNIQUE,
      status TEXT NOT NULL CHECK (status IN ('waiting', 'confirmed', 'declined', 'cancelled')),
      checked_in_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      hours REAL,
      role TEXT,
      reason TEXT,
      decided_at TEXT,
      activity_id TEXT REFERENCES activities (id),
      credential_id TEXT,
      fetched_at TEXT,
      UNIQUE (event_id, holder_did)
    );
    CREATE INDEX event_check_ins_by_event ON event_check_ins (event_id, checked_in_at, id);
    CREATE TABLE event_access_tokens (
      token_hash TEXT PRIMARY KEY,
      event_id TEXT NOT NULL REFERENCES events (id),
      check_in_id TEXT REFERENCES event_check_ins (id),
      expires_at TEXT NOT NULL
    );
    CREATE INDEX event_access_tokens_by_check_in ON event_access_tokens (check_in_id)
  `,
};

export const EVENT_MIGRATIONS: readonly Migration[] = [EVENT_TABLES];

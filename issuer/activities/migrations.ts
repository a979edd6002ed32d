import type { Migration } from '../../shared/db/index.ts';

/**
 * The organization's console (issue 10): the language a volunteer is written to in, the upload a
 * row came from (so cards and lists can take a whole upload), the organization's projects, and
 * the durable mail outbox. An outbox row is leased by one worker at a time (`lease_until`), so
 * two issuer instances never send the same message at once and a dead one's lease runs out.
 * The project and dates are copied out of the activity's JSON so the list can filter on them
 * with portable SQL (activities recorded before this migration have them empty), and the name
 * lower-cased by the service, since SQLite's LOWER() knows only ASCII letters.
 */
export const CONSOLE_TABLES: Migration = {
  id: 600,
  name: 'organization console',
  sql: `
    ALTER TABLE activities ADD COLUMN volunteer_language TEXT;
    ALTER TABLE activities ADD COLUMN upload_id TEXT;
    ALTER TABLE activities ADD COLUMN project TEXT;
    ALTER TABLE activities ADD COLUMN start_date TEXT;
    ALTER TABLE activities ADD COLUMN end_date TEXT;
    ALTER TABLE activities ADD COLUMN volunteer_search TEXT;
    CREATE INDEX activities_by_upload ON activities (organization_id, upload_id);
    CREATE TABLE organization_projects (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations (id),
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (organization_id, name)
    );
    CREATE TABLE mail_outbox (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations (id),
      activity_id TEXT NOT NULL REFERENCES activities (id),
      recipient TEXT NOT NULL,
      language TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
      attempts INTEGER NOT NULL,
      next_attempt_at TEXT NOT NULL,
      lease_until TEXT,
      leased_by TEXT,
      last_error TEXT,
      created_at TEXT NOT NULL,
      sent_at TEXT
    );
    CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
    CREATE INDEX mail_outbox_by_activity ON mail_outbox (activity_id, created_at)
  `,
};

/** An organization's own language for offer e-mails whose row names none (null: `MAIL_LANGUAGE`). */
export const ORGANIZATION_MAIL_LANGUAGE: Migration = {
  id: 610,
  name: 'organization mail language',
  sql: 'ALTER TABLE organizations ADD COLUMN mail_language TEXT',
};

export const CONSOLE_MIGRATIONS: readonly Migration[] = [CONSOLE_TABLES, ORGANIZATION_MAIL_LANGUAGE];
